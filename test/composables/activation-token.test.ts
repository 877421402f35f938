import { describe, expect, it } from 'vitest'
import { hasActivationToken, readActivationToken, removeTokenFromUrl } from '../../src/core/activation-token'

const T = 'abcDEF0123456789_-.~xyz'

describe('readActivationToken', () => {
  it.each([
    ['query', `https://app.example/networks?token=${T}`, T],
    ['hash parameters', `https://app.example/networks#token=${T}`, T],
    ['hash with a question mark', `https://app.example/networks#?token=${T}`, T],
    ['hash route with a query', `https://app.example/#/activate?token=${T}&x=1`, T],
    ['query between other parameters, before a fragment', `https://app.example/networks?a=1&token=${T}&b=2#frag`, T],
    ['hash parameters after others', `https://app.example/networks#a=1&token=${T}`, T],
    ['percent-encoded value', `https://app.example/networks?token=${encodeURIComponent('a b+c')}`, 'a b+c'],
    ['value with surrounding spaces, trimmed', `https://app.example/networks?token=%20${T}%20`, T],
    ['relative URL', `/networks?token=${T}`, T],
    ['URL object', new URL(`https://app.example/networks?token=${T}`), T],
    ['no token', 'https://app.example/networks?a=1#/route?b=2', null],
    ['empty ?token=', 'https://app.example/networks?token=', null],
    ['empty ?token= falls through to the hash', `https://app.example/networks?token=#token=${T}`, T],
    ['a key merely containing "token"', `https://app.example/networks?mytoken=${T}&token_x=1`, null],
    ['hash route without a query', 'https://app.example/#/activate', null],
    ['plain fragment', 'https://app.example/page#section-2', null],
  ])('%s', (_name, url, expected) => {
    expect(readActivationToken(url)).toBe(expected)
    expect(hasActivationToken(url)).toBe(expected !== null)
  })

  it('prefers the query over the hash', () => {
    expect(readActivationToken(`https://app.example/?token=fromquery0000000#token=fromhash00000000`)).toBe('fromquery0000000')
  })

  it('returns values as found (an XSS-looking value is for the caller to reject)', () => {
    expect(readActivationToken(`https://app.example/?token=${encodeURIComponent('<img src=x onerror=alert(1)>')}`)).toBe('<img src=x onerror=alert(1)>')
  })
})

describe('removeTokenFromUrl', () => {
  it.each([
    ['only parameter', `https://app.example/networks?token=${T}`, 'https://app.example/networks'],
    ['keeps other query parameters byte for byte', `https://app.example/networks?a=hello%20world&token=${T}&b=x+y`, 'https://app.example/networks?a=hello%20world&b=x+y'],
    ['keeps the fragment', `https://app.example/networks?a=1&token=${T}#frag`, 'https://app.example/networks?a=1#frag'],
    ['hash parameters alone vanish', `https://app.example/networks#token=${T}`, 'https://app.example/networks'],
    ['hash with question mark alone vanishes', `https://app.example/networks#?token=${T}`, 'https://app.example/networks'],
    ['keeps other hash parameters', `https://app.example/networks#a=1&token=${T}`, 'https://app.example/networks#a=1'],
    ['keeps the hash route and its other parameters', `https://app.example/#/activate?token=${T}&x=1`, 'https://app.example/#/activate?x=1'],
    ['keeps the hash route without parameters', `https://app.example/#/activate?token=${T}`, 'https://app.example/#/activate'],
    ['removes every copy', `https://app.example/?token=${T}&token=other&k=v#/r?token=${T}`, 'https://app.example/?k=v#/r'],
    ['keeps port, path and parameters named alike', `http://localhost:5173/a/b?mytoken=1&token=${T}`, 'http://localhost:5173/a/b?mytoken=1'],
    ['no token: unchanged', 'https://app.example/networks?a=1#/route?b=2', 'https://app.example/networks?a=1#/route?b=2'],
    ['relative URL stays relative', `/networks?token=${T}&a=1#x`, '/networks?a=1#x'],
  ])('%s', (_name, url, expected) => {
    const cleaned = removeTokenFromUrl(url)
    expect(cleaned).toBe(expected)
    expect(readActivationToken(cleaned)).toBeNull()
  })

  it('accepts a URL object and does not change it', () => {
    const url = new URL(`https://app.example/networks?token=${T}&a=1`)
    expect(removeTokenFromUrl(url)).toBe('https://app.example/networks?a=1')
    expect(url.searchParams.get('token')).toBe(T)
  })
})
