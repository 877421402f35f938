import { describe, expect, it } from 'vitest'
import { activationTokenSchema } from '../../src/core'
import { extractToken, lookalikeToken } from '../../src/testing'

describe('extractToken', () => {
  it.each([
    { link: 'https://app.example/networks?token=abc123', token: 'abc123' },
    { link: 'https://app.example/networks?x=1&token=abc123&y=2', token: 'abc123' },
    { link: 'https://app.example/networks#token=abc123', token: 'abc123' },
    { link: 'https://app.example/#/networks/activate?token=abc123', token: 'abc123' },
    { link: 'https://app.example/#/networks?a=b&token=abc123', token: 'abc123' },
    { link: '/networks?token=a%2Bb', token: 'a+b' },
    { link: 'https://app.example/networks?token=query#token=hash', token: 'query' },
    { link: 'https://app.example/networks?token=#token=hash', token: 'hash' },
  ].map((c) => [c.link, c] as const))('reads the token from %s', (_link, { link, token }) => {
    expect(extractToken(link)).toBe(token)
  })

  it.each([
    { link: 'https://app.example/networks' },
    { link: 'https://app.example/networks?token=' },
    { link: 'https://app.example/networks#/route' },
    { link: 'https://app.example/networks#' },
    { link: 'http://[bad' },
    { link: '' },
  ].map((c) => [JSON.stringify(c.link), c] as const))('finds no token in %s', (_link, { link }) => {
    expect(extractToken(link)).toBeNull()
  })
})

describe('lookalikeToken', () => {
  it('keeps the length and the alphabet but changes every character', () => {
    const token = 'aZ09-_.~zzAA99xyz'
    const twin = lookalikeToken(token)
    expect(twin).toHaveLength(token.length)
    expect(activationTokenSchema.safeParse(twin).success).toBe(true)
    for (let i = 0; i < token.length; i++) expect(twin[i]).not.toBe(token[i])
  })
})
