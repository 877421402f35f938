/**
 * The reference server: Backstack error shape, routing, sessions, idempotent creates, injected failures, and the
 * Vite plugin. The backend is driven in-process.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMockBackend, MOCK_IDS, type MockBackend } from '../../src/adapters/mock'
import { createRestAdapter } from '../../src/adapters/rest'
import type { NetworkApiError } from '../../src/core/errors'
import { assertApiError, rejectionOf } from '../../src/testing'
import { createReferenceServer, referenceApiPlugin, type ListeningReferenceServer, type ReferenceServer } from '../../src/server'

const { harbor, northwind } = MOCK_IDS.accounts
const RETAILER = MOCK_IDS.domains.retailer

let backend: MockBackend
let reference: ReferenceServer
let running: ListeningReferenceServer

beforeEach(async () => {
  backend = createMockBackend({ seed: false })
  reference = createReferenceServer({ backend })
  running = await reference.listen()
})
afterEach(() => running.close())

async function call(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${running.url}${path}`, { method, body: init.body, headers: { 'content-type': 'application/json', ...init.headers } })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, never>) : undefined }
}

/** The rejection of `promise`, which must be a `NetworkApiError`. */
const failure = async (promise: Promise<unknown>): Promise<NetworkApiError> => assertApiError(await rejectionOf(promise))

const invite = (email: string) => JSON.stringify({ email, domain_id: RETAILER })

describe('Backstack error shape', () => {
  it.each([
    { name: 'an unknown route', method: 'GET', path: '/account/nothing', status: 404, type: 'codebase', reason: 'not_found' },
    { name: 'a wrong method', method: 'PUT', path: '/account/networks', status: 405, type: 'codebase', reason: undefined },
    { name: 'bad JSON', method: 'POST', path: '/account/network-invitations', body: '{"email":', status: 400, type: 'codebase', reason: 'validation' },
    { name: 'a non-object body', method: 'POST', path: '/account/network-invitations', body: '[1]', status: 400, type: 'codebase', reason: 'validation' },
    { name: 'bad path encoding', method: 'GET', path: '/account/networks/%E0%A4%A', status: 400, type: 'codebase', reason: 'validation' },
    { name: 'a non-numeric page', method: 'GET', path: '/account/networks?page=two', status: 400, type: 'codebase', reason: 'validation' },
    { name: 'an invalid invitation', method: 'POST', path: '/account/network-invitations', body: invite('not-an-email'), status: 400, type: 'user', reason: 'validation' },
    { name: 'an unknown network', method: 'GET', path: '/account/networks/acc_nobody', status: 404, type: 'codebase', reason: 'not_found' },
  ])('answers $name with $status $type in the error object', async ({ method, path, body, status, type, reason }) => {
    const res = await call(method, path, { body })
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const error = (res.json as unknown as { error: Record<string, unknown> }).error
    expect(error).toMatchObject({ request_method: method.toLowerCase(), type, code: status })
    expect(typeof error.message).toBe('string')
    expect(typeof error.dev_message).toBe('string')
    expect(error.fields).toBeTypeOf('object')
    expect(error.reason).toBe(reason)
  })

  it('names the allowed methods of a known path', async () => {
    const res = await call('PATCH', '/account/network-invitations/nwi_1')
    expect(res.headers.get('allow')).toBe('POST, DELETE')
  })

  it('answers 401 without a session, and the adapter sees unauthenticated', async () => {
    backend.signInAs(null)
    const error = await failure(createRestAdapter({ baseUrl: running.url }).listInvitations())
    expect(error).toMatchObject({ status: 401, reason: 'unauthenticated' })
  })

  it('sends Retry-After with an injected 429 and the adapter reads it', async () => {
    backend.failNext(429, 'createInvitation')
    const res = await call('POST', '/account/network-invitations', { body: invite('a@example.com') })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('2')
    backend.failNext(429, 'createInvitation')
    const error = await failure(createRestAdapter({ baseUrl: running.url }).createInvitation({ email: 'a@example.com', domain_id: RETAILER }))
    expect(error).toMatchObject({ status: 429, reason: 'rate_limited', retryAfter: 2 })
  })

  it('an injected offline failure drops the connection; an injected timeout holds the answer past the client timeout', async () => {
    const adapter = createRestAdapter({ baseUrl: running.url, timeoutMs: 100 })
    backend.failNext('network')
    expect(await failure(adapter.listNetworkDomains())).toMatchObject({ type: 'network', reason: 'offline' })
    backend.failNext('timeout')
    expect(await failure(adapter.listNetworkDomains())).toMatchObject({ type: 'network', reason: 'timeout' })
    expect(await adapter.listNetworkDomains()).toEqual(expect.arrayContaining([expect.objectContaining({ id: RETAILER })]))
  })
})

describe('routes', () => {
  it('serves the domains as a collection, and as a record list without collection=true', async () => {
    const collection = await call('GET', '/account/network-domains?collection=true')
    expect(collection.json).toEqual(expect.arrayContaining([{ [RETAILER]: expect.objectContaining({ title: expect.any(String) }) }]))
    const list = await call('GET', '/account/network-domains?records=1')
    expect(list.json).toMatchObject({ list: [expect.objectContaining({ id: expect.any(String) })], pages: expect.any(Number) })
  })

  it('tells update from activation on POST /account/network-invitations/:x (nwi_ prefix or a body)', async () => {
    const adapter = createRestAdapter({ baseUrl: running.url })
    const created = await adapter.createInvitation({ email: 'x@example.com', domain_id: RETAILER })
    const updated = await call('POST', `/account/network-invitations/${created.id}`, { body: JSON.stringify({ fee_proposed: 3 }) })
    expect(updated.json).toMatchObject({ id: created.id, fee_proposed: 3 })
    const unknownWithBody = await call('POST', '/account/network-invitations/some-id', { body: '{}' })
    expect(unknownWithBody.json).toMatchObject({ error: { reason: 'not_found' } })
    const malformedToken = await call('POST', '/account/network-invitations/short')
    expect(malformedToken.json).toMatchObject({ error: { reason: 'token_malformed' } })
  })

  it('serves the v1 activation with the new account object, which the adapter normalises', async () => {
    const current = createRestAdapter({ baseUrl: running.url })
    const v1 = createRestAdapter({ baseUrl: running.url, routes: 'backstack-v1' })
    await v1.createInvitation({ email: 'new@example.com', domain_id: RETAILER })
    const email = backend.outbox().find((e) => e.kind === 'invitation')
    const token = email ? backend.tokenFromEmail(email) : null
    if (!token) throw new Error('no token')
    const res = await call('POST', `/v1/network/activate/${encodeURIComponent(token)}`)
    const account = res.json as unknown as { id: string; users: { id: string }[]; domain_id: string }
    expect(account).toMatchObject({ id: expect.stringMatching(/^acc_/), domain_id: RETAILER, users: [{ id: expect.stringMatching(/^usr_/) }] })
    const networks = await current.listNetworks!()
    expect(networks.list.map((n) => n.account_id)).toEqual([account.id])
  })

  it('acts as the account named in x-mock-account for that request only', async () => {
    await call('POST', '/account/network-invitations', { body: invite('n@example.com'), headers: { 'x-mock-account': northwind } })
    expect(backend.session().accountId).toBe(harbor)
    const asNorthwind = createRestAdapter({ baseUrl: running.url, headers: { 'x-mock-account': northwind } })
    const asHarbor = createRestAdapter({ baseUrl: running.url })
    expect((await asNorthwind.listInvitations()).total).toBe(1)
    expect((await asHarbor.listInvitations()).total).toBe(0)
    const unknown = await call('GET', '/account/networks', { headers: { 'x-mock-account': 'acc_nobody' } })
    expect(unknown.status).toBe(401)
  })

  it('does not change the store for a read whose x-mock-account is already the session', async () => {
    let patches = 0
    backend.store.$subscribe(() => void patches++, { flush: 'sync' })
    const asHarbor = createRestAdapter({ baseUrl: running.url, headers: { 'x-mock-account': harbor } })
    expect((await asHarbor.listInvitations()).total).toBe(0)
    expect(patches).toBe(0)
    expect(backend.session().accountId).toBe(harbor)
  })

  it('answers a request whose x-mock-account names another account without changing the store', async () => {
    let patches = 0
    backend.store.$subscribe(() => void patches++, { flush: 'sync' })
    const asNorthwind = createRestAdapter({ baseUrl: running.url, headers: { 'x-mock-account': northwind } })
    await asNorthwind.listInvitations()
    await asNorthwind.listNetworks!()
    expect(patches).toBe(0)
    expect(backend.session().accountId).toBe(harbor)
  })

  it('strips a basePath and puts it in its URL', async () => {
    const prefixed = await createReferenceServer({ backend, basePath: '/api/' }).listen()
    try {
      expect(prefixed.url).toMatch(/\/api$/)
      expect(await createRestAdapter({ baseUrl: prefixed.url }).listNetworkDomains()).not.toHaveLength(0)
      const outside = await fetch(prefixed.url.replace(/\/api$/, '/account/networks'))
      expect(outside.status).toBe(404)
    } finally {
      await prefixed.close()
    }
  })
})

describe('Idempotency-Key on create', () => {
  it('the same key twice makes one invitation and replays the first answer', async () => {
    const headers = { 'idempotency-key': 'key-1' }
    const first = await call('POST', '/account/network-invitations', { body: invite('same@example.com'), headers })
    const second = await call('POST', '/account/network-invitations', { body: invite('same@example.com'), headers })
    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    expect(second.text).toBe(first.text)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(backend.api.listInvitations().total).toBe(1)
    expect(backend.outbox()).toHaveLength(1)
  })

  it('different keys make different invitations (or a duplicate-email error)', async () => {
    await call('POST', '/account/network-invitations', { body: invite('a@example.com'), headers: { 'idempotency-key': 'k1' } })
    await call('POST', '/account/network-invitations', { body: invite('b@example.com'), headers: { 'idempotency-key': 'k2' } })
    expect(backend.api.listInvitations().total).toBe(2)
  })

  it('the same key with another body is refused', async () => {
    await call('POST', '/account/network-invitations', { body: invite('a@example.com'), headers: { 'idempotency-key': 'k1' } })
    const reused = await call('POST', '/account/network-invitations', { body: invite('b@example.com'), headers: { 'idempotency-key': 'k1' } })
    expect(reused.status).toBe(400)
    expect(reused.json).toMatchObject({ error: { type: 'codebase', reason: 'idempotency_key_reused' } })
    expect(backend.api.listInvitations().total).toBe(1)
  })

  it('keys are per account', async () => {
    await call('POST', '/account/network-invitations', { body: invite('a@example.com'), headers: { 'idempotency-key': 'k1' } })
    const other = await call('POST', '/account/network-invitations', { body: invite('a@example.com'), headers: { 'idempotency-key': 'k1', 'x-mock-account': northwind } })
    expect(other.status).toBe(200)
    expect(other.headers.get('idempotent-replayed')).toBeNull()
  })

  it('through the adapter option: a retried submit with the same key makes one invitation', async () => {
    const adapter = createRestAdapter({ baseUrl: running.url })
    const input = { email: 'retry@example.com', domain_id: RETAILER }
    const first = await adapter.createInvitation(input, { idempotencyKey: 'submit-1' })
    const again = await adapter.createInvitation(input, { idempotencyKey: 'submit-1' })
    expect(again).toEqual(first)
    expect((await adapter.listInvitations()).total).toBe(1)
    // Without the option each call is a new submit: the duplicate pending email is refused.
    const duplicate = await failure(adapter.createInvitation(input))
    expect(duplicate).toMatchObject({ status: 400, fields: { email: expect.any(String) } })
  })

  it('concurrent requests with the same key make one invitation', async () => {
    backend.setLatency(20)
    const adapter = createRestAdapter({ baseUrl: running.url })
    const input = { email: 'race@example.com', domain_id: RETAILER }
    const [a, b] = await Promise.all([adapter.createInvitation(input, { idempotencyKey: 'race' }), adapter.createInvitation(input, { idempotencyKey: 'race' })])
    expect(a).toEqual(b)
    backend.setLatency(0)
    expect(backend.api.listInvitations().total).toBe(1)
  })

  it.each([
    { failure: 500 as const, reason: 'server_error' },
    { failure: 'network' as const, reason: 'offline' },
  ])('after a failed attempt ($reason) the same key may try again and makes one invitation', async ({ failure: injected, reason }) => {
    const adapter = createRestAdapter({ baseUrl: running.url })
    const input = { email: 'flaky@example.com', domain_id: RETAILER }
    backend.failNext(injected, 'createInvitation')
    expect(await failure(adapter.createInvitation(input, { idempotencyKey: 'flaky' }))).toMatchObject({ reason })
    await adapter.createInvitation(input, { idempotencyKey: 'flaky' })
    await adapter.createInvitation(input, { idempotencyKey: 'flaky' })
    expect(backend.api.listInvitations().total).toBe(1)
  })
})

describe('as middleware', () => {
  it('the Vite plugin mounts the handler under its prefix', () => {
    const uses: [string, unknown][] = []
    const plugin = referenceApiPlugin({ server: reference })
    const fakeServer = { middlewares: { use: (prefix: string, handler: unknown) => void uses.push([prefix, handler]) } }
    const hook = plugin.configureServer
    if (typeof hook !== 'function') throw new Error('configureServer is not a function')
    hook.call({} as never, fakeServer as never)
    expect(plugin.name).toBe('vue-account-networks:reference-api')
    expect(uses).toEqual([['/api', reference.handler]])
    expect(plugin.reference).toBe(reference)
  })

  it('the handler works under a connect-style mount that strips the prefix', async () => {
    const host = createServer((req, res) => {
      if (req.url?.startsWith('/api/')) {
        req.url = req.url.slice('/api'.length)
        reference.handler(req, res, () => res.writeHead(500).end())
        return
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>app</html>')
    })
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = host.address() as AddressInfo
      const adapter = createRestAdapter({ baseUrl: `http://127.0.0.1:${port}/api` })
      expect((await adapter.listNetworkDomains()).length).toBeGreaterThan(0)
    } finally {
      await new Promise<void>((resolve) => host.close(() => resolve()))
    }
  })
})
