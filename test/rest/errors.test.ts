/**
 * Error paths of the REST adapter against a scripted `node:http` server: every failure becomes a
 * `NetworkApiError` with the right type, status, reason and message, and nothing else ever escapes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { NetworkApiError } from '../../src/core/errors'
import { assertApiError, rejectionOf } from '../../src/testing'
import { createRestAdapter, OFFLINE_MESSAGE, type RestAdapterOptions } from '../../src/adapters/rest'
import { INVITATION, json, raw, recordList, startScripted, type Script, type ScriptedServer } from './scripted-server'

let server: ScriptedServer
let script: Script

beforeAll(async () => {
  server = await startScripted((req, res, recorded, index) => script(req, res, recorded, index))
})
afterAll(() => server.close())
beforeEach(() => {
  server.requests.length = 0
  script = (_req, res) => json(res, 500, { error: { type: 'system', message: 'No script.' } })
})

function adapter(options: Partial<RestAdapterOptions> = {}) {
  return createRestAdapter({ baseUrl: server.url, sleep: async () => {}, ...options })
}

/** The rejection of `promise`, which must be a `NetworkApiError`. */
const failure = async (promise: Promise<unknown>): Promise<NetworkApiError> => assertApiError(await rejectionOf(promise))

const backstackError = (status: number, type: string, extra: Record<string, unknown> = {}) => ({
  error: { request_method: 'get', type, code: status, message: `Message for ${status} ${type}.`, fields: {}, dev_message: `dev ${status} ${type}`, ...extra },
})

describe('Backstack error objects', () => {
  const reasons = { 400: 'validation', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 429: 'rate_limited', 500: 'server_error' } as const
  const cases = ([400, 401, 403, 404, 429, 500] as const).flatMap((status) =>
    (['user', 'codebase', 'system'] as const).map((type) => ({ status, type, reason: reasons[status] })),
  )

  it.each(cases)('$status $type keeps type, code, message and dev_message, and derives reason $reason', async ({ status, type, reason }) => {
    script = (_req, res) => json(res, status, backstackError(status, type))
    const error = await failure(adapter({ maxRetries: 0 }).listInvitations())
    expect(error).toMatchObject({ status, type, code: status, message: `Message for ${status} ${type}.`, devMessage: `dev ${status} ${type}`, reason })
    expect(error.fields).toEqual({})
  })

  it('keeps the fields of a 400 for the form', async () => {
    const fields = { email: 'Enter a valid email address.', fee_proposed: 'The fee cannot be above 100%.' }
    script = (_req, res) => json(res, 400, backstackError(400, 'user', { request_method: 'post', fields }))
    const error = await failure(adapter().createInvitation({ email: 'x', domain_id: 'dom_1' }))
    expect(error).toMatchObject({ status: 400, type: 'user', reason: 'validation' })
    expect(error.fields).toEqual(fields)
  })

  it('keeps a reason the body gives and a code that differs from the status', async () => {
    script = (_req, res) => json(res, 410, backstackError(410, 'user', { code: 4101, reason: 'token_expired', message: 'This invitation has expired.' }))
    const error = await failure(adapter().activateInvitation('a'.repeat(32)))
    expect(error).toMatchObject({ status: 410, code: 4101, type: 'user', reason: 'token_expired', message: 'This invitation has expired.' })
  })

  it.each([
    { status: 503, body: { error: { message: 'Down for maintenance.' } }, type: 'system', reason: 'server_error', message: 'Down for maintenance.' },
    { status: 404, body: { error: { type: 'mystery' } }, type: 'user', reason: 'not_found', message: "We couldn't find what you were looking for. It may have been removed." },
    { status: 401, body: { error: {} }, type: 'user', reason: 'unauthenticated', message: 'Your session has ended. Sign in again to continue.' },
    { status: 403, body: { error: { message: '  ' } }, type: 'user', reason: 'forbidden', message: "You don't have permission to do this." },
    { status: 500, body: { error: { type: 'network' } }, type: 'system', reason: 'server_error', message: 'The server had a problem. Please try again in a moment.' },
    { status: 400, body: { message: 'not the Backstack shape' }, type: 'user', reason: 'validation', message: 'Some of the information is not valid. Check it and try again.' },
    { status: 502, body: [1, 2, 3], type: 'system', reason: 'server_error', message: 'The server had a problem. Please try again in a moment.' },
  ])('fills a missing or unknown type and message for a $status ($body)', async ({ status, body, type, reason, message }) => {
    script = (_req, res) => json(res, status, body)
    const error = await failure(adapter({ maxRetries: 0 }).listInvitations())
    expect(error).toMatchObject({ status, code: status, type, reason, message })
  })

  it('keeps 401 and 403 apart (status and reason)', async () => {
    script = (_req, res, _r, i) => json(res, i === 0 ? 401 : 403, backstackError(i === 0 ? 401 : 403, 'user'))
    const a = adapter()
    const first = await failure(a.listNetworkDomains())
    const second = await failure(a.listNetworkDomains())
    expect([first.status, first.reason]).toEqual([401, 'unauthenticated'])
    expect([second.status, second.reason]).toEqual([403, 'forbidden'])
  })
})

describe('bodies that are not a Backstack error object', () => {
  it.each([
    { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', reason: 'server_error' },
    { status: 504, body: '<html>Gateway Timeout</html>', reason: 'server_error' },
    { status: 404, body: '<!doctype html><title>Not Found</title>', reason: 'not_found' },
    { status: 500, body: '{"error": {"type": "system"', reason: 'server_error' },
  ])('a non-JSON $status body becomes a system error with the status', async ({ status, body, reason }) => {
    script = (_req, res) => raw(res, status, body)
    const error = await failure(adapter().listNetworkDomains())
    expect(error).toMatchObject({ status, type: 'system', reason })
    expect(error.message).not.toContain('<')
    expect(error.devMessage).toContain('not JSON')
  })

  it('an empty 500 body becomes a system error', async () => {
    script = (_req, res) => raw(res, 500, '')
    const error = await failure(adapter().listNetworkDomains())
    expect(error).toMatchObject({ status: 500, type: 'system', reason: 'server_error' })
  })
})

describe('malformed success payloads', () => {
  it.each([
    { name: 'invalid JSON', body: '{"list": [', field: 'not JSON' },
    { name: 'an HTML page', body: '<html>index</html>', field: 'not JSON' },
    { name: 'an empty body', body: '', field: 'empty' },
  ])('$name becomes a codebase bad_response error', async ({ body, field }) => {
    script = (_req, res) => raw(res, 200, body, 'application/json')
    const error = await failure(adapter().listInvitations())
    expect(error).toMatchObject({ status: 200, type: 'codebase', reason: 'bad_response' })
    expect(error.devMessage).toContain(field)
  })

  it.each([
    { op: 'listInvitations', body: { ...recordList([INVITATION]), total: 'eight' }, field: 'total' },
    { op: 'listInvitations', body: recordList([{ ...INVITATION, status: 'sent' }]), field: 'list.0.status' },
    { op: 'listNetworkDomains', body: [{ dom_1: { title: 5 } }], field: '0.dom_1.title' },
    { op: 'listNetworkDomains', body: { dom_1: { title: 'A' } }, field: '(root)' },
    { op: 'createInvitation', body: { ...INVITATION, id: undefined }, field: 'id' },
    { op: 'activateInvitation', body: { user_id: 'usr_1', domain_id: 'dom_1', version_id: 'v' }, field: 'account_id' },
    { op: 'activateInvitation', body: { id: 'acc_1', domain_id: 'dom_1' }, field: 'version_id' },
    { op: 'getNetwork', body: { account_id: 'acc_1', fee: 1 }, field: 'account_title' },
    { op: 'deleteNetwork', body: { parent_account_id: 1, child_account_id: 'acc_1' }, field: 'parent_account_id' },
  ] as const)('$op with a wrong shape names the bad field ($field)', async ({ op, body, field }) => {
    script = (_req, res) => json(res, 200, body)
    const a = adapter()
    const calls = {
      listInvitations: () => a.listInvitations(),
      listNetworkDomains: () => a.listNetworkDomains(),
      createInvitation: () => a.createInvitation({ email: 'a@b.co', domain_id: 'dom_1' }),
      activateInvitation: () => a.activateInvitation('t'.repeat(20)),
      getNetwork: () => a.getNetwork!('acc_1'),
      deleteNetwork: () => a.deleteNetwork!('acc_1'),
    }
    const error = await failure(calls[op]())
    expect(error).toMatchObject({ status: 200, type: 'codebase', reason: 'bad_response' })
    expect(error.devMessage).toContain(`${op}:`)
    expect(error.devMessage).toContain(`${field}:`)
  })
})

describe('no answer', () => {
  it('a response slower than timeoutMs becomes a network timeout', async () => {
    script = () => {} // never answers
    const error = await failure(adapter({ timeoutMs: 50 }).listNetworkDomains())
    expect(error).toMatchObject({ status: 0, type: 'network', reason: 'timeout' })
    expect(error.message).toMatch(/timed out/)
  })

  it('a body that stalls after the headers also times out', async () => {
    script = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('[')
    }
    const error = await failure(adapter({ timeoutMs: 50 }).listNetworkDomains())
    expect(error).toMatchObject({ type: 'network', reason: 'timeout' })
  })

  it('an injected fetch that ignores the abort signal still times out', async () => {
    const error = await failure(adapter({ timeoutMs: 20, fetch: () => new Promise<Response>(() => {}) }).listNetworkDomains())
    expect(error).toMatchObject({ type: 'network', reason: 'timeout' })
  })

  it('a dropped connection becomes a network offline error', async () => {
    script = (req) => req.socket.destroy()
    const error = await failure(adapter().createInvitation({ email: 'a@b.co', domain_id: 'dom_1' }))
    expect(error).toMatchObject({ status: 0, type: 'network', reason: 'offline', message: OFFLINE_MESSAGE })
  })

  it('a fetch that rejects (no connection) becomes a network offline error', async () => {
    const error = await failure(adapter({ fetch: () => Promise.reject(new TypeError('fetch failed')) }).listInvitations())
    expect(error).toMatchObject({ status: 0, type: 'network', reason: 'offline', message: OFFLINE_MESSAGE })
    expect(error.devMessage).toContain('fetch failed')
  })

  it('a refused connection (nothing listening) becomes a network offline error', async () => {
    const closed = await startScripted(() => {})
    await closed.close()
    const error = await failure(createRestAdapter({ baseUrl: closed.url }).listNetworkDomains())
    expect(error).toMatchObject({ type: 'network', reason: 'offline' })
  })
})

describe('429 and retries', () => {
  const tooMany = (headers: Record<string, string> = {}) => (res: Parameters<Script>[1]) => json(res, 429, backstackError(429, 'user'), headers)

  it.each<{ name: string; headers: Record<string, string>; delays: number[]; retryAfter: number | undefined }>([
    { name: 'Retry-After in seconds', headers: { 'retry-after': '3' }, delays: [3000, 3000], retryAfter: 3 },
    { name: 'Retry-After as an HTTP date', headers: { 'retry-after': new Date(Date.UTC(2030, 0, 1, 0, 0, 4)).toUTCString() }, delays: [4000, 4000], retryAfter: 4 },
    { name: 'no Retry-After (base backoff, doubling)', headers: {}, delays: [500, 1000], retryAfter: undefined },
  ])('a GET answered 429 with $name is retried twice with the right waits, then rejects', async ({ headers, delays, retryAfter }) => {
    script = (_req, res) => tooMany(headers)(res)
    const waits: number[] = []
    const a = adapter({ sleep: async (ms) => void waits.push(ms), now: () => Date.UTC(2030, 0, 1) })
    const error = await failure(a.listInvitations())
    expect(server.requests).toHaveLength(3)
    expect(waits).toEqual(delays)
    expect(error).toMatchObject({ status: 429, reason: 'rate_limited', retryAfter })
  })

  it('a GET succeeds once the rate limit lifts', async () => {
    script = (_req, res, _r, i) => (i < 2 ? tooMany({ 'retry-after': '1' })(res) : json(res, 200, recordList([INVITATION])))
    const waits: number[] = []
    const list = await adapter({ sleep: async (ms) => void waits.push(ms) }).listInvitations()
    expect(list.list).toHaveLength(1)
    expect(server.requests).toHaveLength(3)
    expect(waits).toEqual([1000, 1000])
  })

  it('honours maxRetries', async () => {
    script = (_req, res) => tooMany()(res)
    await failure(adapter({ maxRetries: 0 }).listNetworkDomains())
    expect(server.requests).toHaveLength(1)
    server.requests.length = 0
    await failure(adapter({ maxRetries: 4 }).listNetworkDomains())
    expect(server.requests).toHaveLength(5)
  })

  it('caps the backoff and does not wait when Retry-After asks for more than maxRetryDelayMs', async () => {
    script = (_req, res) => tooMany({ 'retry-after': '120' })(res)
    const waits: number[] = []
    const error = await failure(adapter({ sleep: async (ms) => void waits.push(ms) }).listNetworks!())
    expect(server.requests).toHaveLength(1)
    expect(waits).toEqual([])
    expect(error.retryAfter).toBe(120)

    server.requests.length = 0
    script = (_req, res) => tooMany()(res)
    await failure(adapter({ sleep: async (ms) => void waits.push(ms), maxRetries: 5, retryBaseDelayMs: 3000 }).listNetworks!())
    expect(waits).toEqual([3000, 6000, 10000, 10000, 10000])
  })

  it.each([
    { op: 'createInvitation', method: 'POST' },
    { op: 'updateInvitation', method: 'POST' },
    { op: 'activateInvitation', method: 'POST' },
    { op: 'updateNetwork', method: 'POST' },
    { op: 'deleteInvitation', method: 'DELETE' },
    { op: 'deleteNetwork', method: 'DELETE' },
  ] as const)('$op ($method) answered 429 is not retried and carries retryAfter', async ({ op, method }) => {
    script = (_req, res) => tooMany({ 'retry-after': '7' })(res)
    const waits: number[] = []
    const a = adapter({ sleep: async (ms) => void waits.push(ms) })
    const calls = {
      createInvitation: () => a.createInvitation({ email: 'a@b.co', domain_id: 'dom_1' }),
      updateInvitation: () => a.updateInvitation!('nwi_1', { email: 'b@c.co' }),
      activateInvitation: () => a.activateInvitation('t'.repeat(20)),
      updateNetwork: () => a.updateNetwork!('acc_1', { fee: 2 }),
      deleteInvitation: () => a.deleteInvitation!('nwi_1'),
      deleteNetwork: () => a.deleteNetwork!('acc_1'),
    }
    const error = await failure(calls[op]())
    expect(server.requests.map((r) => r.method)).toEqual([method])
    expect(waits).toEqual([])
    expect(error).toMatchObject({ status: 429, reason: 'rate_limited', retryAfter: 7 })
  })
})

describe('failures before the request', () => {
  it('a headers function that throws becomes a codebase error and sends nothing', async () => {
    const error = await failure(
      adapter({
        headers: () => {
          throw new Error('token store unavailable')
        },
      }).listNetworkDomains(),
    )
    expect(error).toMatchObject({ type: 'codebase' })
    expect(error.devMessage).toContain('token store unavailable')
    expect(server.requests).toHaveLength(0)
  })

  it('a NetworkApiError from an async headers function passes through unchanged', async () => {
    const { NetworkApiError } = await import('../../src/core/errors')
    const signedOut = new NetworkApiError({ status: 401, type: 'user', message: 'Sign in again.', reason: 'unauthenticated' })
    const error = await failure(adapter({ headers: async () => Promise.reject(signedOut) }).listNetworkDomains())
    expect(error).toBe(signedOut)
  })

  it.each([
    { op: 'updateInvitation', value: '' },
    { op: 'deleteInvitation', value: '  ' },
    { op: 'getNetwork', value: '..' },
    { op: 'deleteNetwork', value: '.' },
  ] as const)('$op refuses the path value "$value" without a request (it would hit another route)', async ({ op, value }) => {
    const a = adapter()
    const calls = {
      updateInvitation: () => a.updateInvitation!(value, {}),
      deleteInvitation: () => a.deleteInvitation!(value),
      getNetwork: () => a.getNetwork!(value),
      deleteNetwork: () => a.deleteNetwork!(value),
    }
    const error = await failure(calls[op]())
    expect(error).toMatchObject({ status: 404, type: 'codebase', reason: 'not_found' })
    expect(server.requests).toHaveLength(0)
  })

  it('an empty token is token_malformed without a request', async () => {
    const error = await failure(adapter().activateInvitation(''))
    expect(error).toMatchObject({ status: 400, type: 'user', reason: 'token_malformed' })
    expect(server.requests).toHaveLength(0)
  })
})
