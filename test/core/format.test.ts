import { describe, expect, it } from 'vitest'
import { createFormatters } from '../../src/core/format'

describe('createFormatters', () => {
  const now = 1_767_261_600
  it.each([
    ['en-US', 2.5, '2.5%'],
    ['en-US', 33.33, '33.33%'],
    ['de-DE', 2.5, '2,5 %'],
    ['fr-FR', 0, '0 %'],
  ])('percent in %s: %d -> %s', (locale, value, text) => {
    expect(createFormatters(locale).percent(value).replace(/\u00a0|\u202f/g, ' ')).toBe(text)
  })

  it.each([
    [2 * 86_400, 'in 2 days'],
    [-3 * 3600, '3 hours ago'],
    [86_400, 'tomorrow'],
    [30, 'in 30 seconds'],
    [0, 'now'],
  ])('relative time %d s from now reads %s', (delta, text) => {
    expect(createFormatters('en-US').relative(now + delta, now)).toBe(text)
  })

  it('formats dates in the locale and falls back to en for an invalid locale', () => {
    expect(createFormatters('en-US').date(now)).toBe('Jan 1, 2026')
    expect(createFormatters('de-DE').date(now)).toBe('01.01.2026')
    expect(createFormatters('not a locale!').locale).toBe('en')
  })
})
