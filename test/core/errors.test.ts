import { describe, expect, it } from 'vitest'
import { NetworkApiError, isNetworkApiError, toNetworkApiError, type NetworkApiErrorInit } from '../../src/core/errors'

describe('NetworkApiError', () => {
  it.each<[string, NetworkApiErrorInit, Partial<Record<keyof NetworkApiError, unknown>>]>([
    [
      'defaults',
      { status: 404, type: 'user', message: 'Not found.' },
      { status: 404, code: 404, type: 'user', message: 'Not found.', fields: {}, devMessage: undefined, reason: undefined, retryAfter: undefined },
    ],
    [
      'everything given',
      {
        status: 422,
        type: 'user',
        code: 4221,
        message: 'Check the form.',
        fields: { email: 'Taken.' },
        devMessage: 'dup key',
        reason: 'validation',
        retryAfter: 3,
      },
      { status: 422, code: 4221, fields: { email: 'Taken.' }, devMessage: 'dup key', reason: 'validation', retryAfter: 3 },
    ],
    ['no response', { status: 0, type: 'network', message: 'Offline.', reason: 'offline' }, { status: 0, code: 0, type: 'network', reason: 'offline' }],
    ['code 0 is kept, not defaulted', { status: 500, type: 'system', code: 0, message: 'x' }, { code: 0 }],
    ['an unknown reason is kept', { status: 400, type: 'user', message: 'x', reason: 'brand_new' }, { reason: 'brand_new' }],
  ])('%s', (_name, init, expected) => {
    const error = new NetworkApiError(init)
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(NetworkApiError)
    expect(error.name).toBe('NetworkApiError')
    expect(error).toMatchObject(expected)
  })

  it('keeps a frozen copy of fields', () => {
    const fields: Record<string, string> = { email: 'Taken.' }
    const error = new NetworkApiError({ status: 422, type: 'user', message: 'x', fields })
    fields.email = 'changed'
    fields.other = 'added'
    expect(error.fields).toEqual({ email: 'Taken.' })
    expect(Object.isFrozen(error.fields)).toBe(true)
    expect(() => {
      ;(error.fields as Record<string, string>).email = 'mutated'
    }).toThrow(TypeError)
  })

  it.each<[string, NetworkApiErrorInit, NetworkApiErrorInit]>([
    [
      'defaults filled in',
      { status: 404, type: 'user', message: 'Not found.' },
      { status: 404, type: 'user', code: 404, message: 'Not found.', fields: {}, devMessage: undefined, reason: undefined, retryAfter: undefined },
    ],
    [
      'everything',
      { status: 429, type: 'system', code: 429, message: 'Slow down.', fields: { a: 'b' }, devMessage: 'd', reason: 'rate_limited', retryAfter: 30 },
      { status: 429, type: 'system', code: 429, message: 'Slow down.', fields: { a: 'b' }, devMessage: 'd', reason: 'rate_limited', retryAfter: 30 },
    ],
  ])('toJSON: %s', (_name, init, json) => {
    const error = new NetworkApiError(init)
    expect(error.toJSON()).toStrictEqual(json)
    expect(Object.isFrozen(error.toJSON().fields)).toBe(false)
    // It round-trips through JSON and back into an equal error.
    const copy = new NetworkApiError(JSON.parse(JSON.stringify(error)) as NetworkApiErrorInit)
    expect(copy.toJSON()).toEqual(JSON.parse(JSON.stringify(json)))
  })
})

describe('isNetworkApiError', () => {
  const brand = Symbol.for('vue-account-networks.NetworkApiError')
  /** A structural copy, as another bundle's copy of the class would make it. */
  const foreign = Object.assign(new Error('from another copy'), { status: 500, type: 'system', [brand]: true })

  it.each<[string, unknown, boolean]>([
    ['an instance', new NetworkApiError({ status: 400, type: 'user', message: 'x' }), true],
    ['a branded copy from another bundle', foreign, true],
    ['a plain Error', new Error('x'), false],
    ['a TypeError', new TypeError('x'), false],
    ['a look-alike object', { name: 'NetworkApiError', status: 400, type: 'user', message: 'x', fields: {} }, false],
    ['its own toJSON output', new NetworkApiError({ status: 400, type: 'user', message: 'x' }).toJSON(), false],
    ['a brand that is not true', { [brand]: 'yes' }, false],
    ['a brand under a different symbol', { [Symbol('vue-account-networks.NetworkApiError')]: true }, false],
    ['null', null, false],
    ['undefined', undefined, false],
    ['a string', 'NetworkApiError', false],
    ['a number', 404, false],
  ])('%s -> %s', (_name, value, expected) => {
    expect(isNetworkApiError(value)).toBe(expected)
  })

  it('is false, not a throw, for a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(isNetworkApiError(proxy)).toBe(false)
  })

  it('is false, not a throw, when reading the brand throws', () => {
    const hostile = Object.defineProperty({}, brand, {
      get: () => {
        throw new Error('nope')
      },
    })
    expect(isNetworkApiError(hostile)).toBe(false)
  })

  it('does not expose the brand as an enumerable key', () => {
    const error = new NetworkApiError({ status: 400, type: 'user', message: 'x' })
    expect(Object.getOwnPropertySymbols(error)).toContain(brand)
    expect(Object.keys(error)).not.toContain(brand.toString())
    expect(Object.getOwnPropertySymbols({ ...error })).not.toContain(brand)
  })
})

describe('toNetworkApiError', () => {
  it('passes a NetworkApiError through unchanged', () => {
    const error = new NetworkApiError({ status: 403, type: 'user', message: 'No.' })
    expect(toNetworkApiError(error)).toBe(error)
    expect(toNetworkApiError(error, 'other fallback')).toBe(error)
  })

  it('passes a branded copy from another bundle through', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('vue-account-networks.NetworkApiError')]: true })
    expect(toNetworkApiError(foreign)).toBe(foreign)
  })

  const circular: Record<string, unknown> = {}
  circular.self = circular
  const unprintable = Object.create(null) as object

  it.each<[string, unknown, string]>([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')"), "TypeError: Cannot read properties of undefined (reading 'id')"],
    ['a plain Error', new Error('boom'), 'Error: boom'],
    ['a string', 'just a string', 'just a string'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a number', 42, '42'],
    ['a circular object', circular, '[object Object]'],
    ['an object without a prototype', unprintable, '[object Object]'],
  ])('wraps %s into a codebase error', (_name, value, devMessage) => {
    const error = toNetworkApiError(value)
    expect(isNetworkApiError(error)).toBe(true)
    expect(error).toMatchObject({ status: 0, code: 0, type: 'codebase', message: 'Something went wrong. Please try again.', devMessage })
  })

  it('uses the fallback message', () => {
    expect(toNetworkApiError(new Error('x'), 'Could not load networks.').message).toBe('Could not load networks.')
  })

  it.each<[string, () => unknown]>([
    ['a symbol', () => Symbol('s')],
    ['an object whose toString throws', () => ({ toString: () => { throw new Error('nope') } })],
    ['an error whose message getter throws', () => Object.defineProperty(new Error(), 'message', { get: () => { throw new Error('nope') } })],
    ['a revoked proxy', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy }],
  ])('never throws, even for %s', (_name, make) => {
    const value = make()
    let result: unknown
    expect(() => {
      result = toNetworkApiError(value)
    }).not.toThrow()
    expect(isNetworkApiError(result)).toBe(true)
    expect((result as NetworkApiError).type).toBe('codebase')
  })
})
