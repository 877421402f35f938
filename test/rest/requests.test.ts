/**
 * What the REST adapter puts on the wire (methods, paths, encoding, query params, headers, bodies) and how it
 * normalises the answers, against a scripted `node:http` server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { adapterSupports, NETWORKS_OPERATIONS } from '../../src/core/adapter'
import {
  BACKSTACK_ROUTES,
  BACKSTACK_V1_ROUTES,
  buildUrl,
  createRestAdapter,
  fillPath,
  newIdempotencyKey,
  parseRetryAfter,
  resolveRoutes,
  type RestAdapterOptions,
  type RestRequestInfo,
} from '../../src/adapters/rest'
import { INVITATION, NETWORK, json, raw, recordList, startScripted, type Script, type ScriptedServer } from './scripted-server'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let server: ScriptedServer
let script: Script

beforeAll(async () => {
  server = await startScripted((req, res, recorded, index) => script(req, res, recorded, index))
})
afterAll(() => server.close())
beforeEach(() => {
  server.requests.length = 0
  script = (_req, res) => json(res, 200, {})
})

function adapter(options: Partial<RestAdapterOptions> = {}) {
  return createRestAdapter({ baseUrl: server.url, ...options })
}

const lastRequest = () => {
  const request = server.requests.at(-1)
  if (!request) throw new Error('No request reached the server.')
  return request
}

describe('seed-003 routes', () => {
  it.each([
    { op: 'listNetworkDomains', method: 'GET', url: '/account/network-domains?collection=true', answer: [{ dom_1: { title: 'Retail', description: 'Shops' } }] },
    { op: 'listInvitations', method: 'GET', url: '/account/network-invitations', answer: recordList([INVITATION]) },
    { op: 'createInvitation', method: 'POST', url: '/account/network-invitations', answer: INVITATION },
    { op: 'updateInvitation', method: 'POST', url: '/account/network-invitations/nwi_1', answer: INVITATION },
    { op: 'deleteInvitation', method: 'DELETE', url: '/account/network-invitations/nwi_1', answer: {} },
    { op: 'activateInvitation', method: 'POST', url: '/account/network-invitations/tok_abcdefghijklmnop', answer: { account_id: 'acc_1', user_id: 'usr_1', domain_id: 'dom_1', version_id: 'ver_1' } },
    { op: 'listNetworks', method: 'GET', url: '/account/networks', answer: recordList([NETWORK]) },
    { op: 'getNetwork', method: 'GET', url: '/account/networks/acc_1', answer: NETWORK },
    { op: 'updateNetwork', method: 'POST', url: '/account/networks/acc_1', answer: NETWORK },
    { op: 'deleteNetwork', method: 'DELETE', url: '/account/networks/acc_1', answer: { parent_account_id: 'acc_0', child_account_id: 'acc_1' } },
  ] as const)('$op is $method $url', async ({ op, method, url, answer }) => {
    script = (_req, res) => json(res, 200, answer)
    const a = adapter()
    const calls = {
      listNetworkDomains: () => a.listNetworkDomains(),
      listInvitations: () => a.listInvitations(),
      createInvitation: () => a.createInvitation({ email: 'a@b.co', domain_id: 'dom_1' }),
      updateInvitation: () => a.updateInvitation!('nwi_1', { fee_proposed: null }),
      deleteInvitation: () => a.deleteInvitation!('nwi_1'),
      activateInvitation: () => a.activateInvitation('tok_abcdefghijklmnop'),
      listNetworks: () => a.listNetworks!(),
      getNetwork: () => a.getNetwork!('acc_1'),
      updateNetwork: () => a.updateNetwork!('acc_1', { fee: 2.5 }),
      deleteNetwork: () => a.deleteNetwork!('acc_1'),
    }
    await calls[op]()
    expect(server.requests).toHaveLength(1)
    expect(lastRequest()).toMatchObject({ method, url })
  })

  it('sends JSON bodies as given (null deletes an optional field) and no body where none is due', async () => {
    script = (_req, res) => json(res, 200, INVITATION)
    const a = adapter()
    await a.createInvitation({ email: 'a@b.co', domain_id: 'dom_1', fee_proposed: 2.5, country_id: 'US' })
    expect(JSON.parse(lastRequest().body)).toEqual({ email: 'a@b.co', domain_id: 'dom_1', fee_proposed: 2.5, country_id: 'US' })
    await a.updateInvitation!('nwi_1', { fee_proposed: null })
    expect(JSON.parse(lastRequest().body)).toEqual({ fee_proposed: null })
    script = (_req, res) => json(res, 200, { account_id: 'acc_1', user_id: 'usr_1', domain_id: 'dom_1', version_id: 'ver_1' })
    await a.activateInvitation('tok_abcdefghijklmnop')
    expect(lastRequest().body).toBe('')
    expect(lastRequest().headers['content-type']).toBeUndefined()
  })
})

describe('normalised answers', () => {
  it('turns the domain collection into NetworkDomain[] in order', async () => {
    script = (_req, res) => json(res, 200, [{ dom_2: { title: 'Retail', description: 'Shops' } }, { dom_1: { title: 'Agency' } }])
    expect(await adapter().listNetworkDomains()).toEqual([
      { id: 'dom_2', title: 'Retail', description: 'Shops' },
      { id: 'dom_1', title: 'Agency', description: '' },
    ])
  })

  it.each([
    { name: 'the ids object (seed 003)', body: { account_id: 'acc_1', user_id: 'usr_1', domain_id: 'dom_1', version_id: 'ver_1' }, user: 'usr_1' },
    { name: 'the account object with users (seed 000)', body: { id: 'acc_1', title: 'Acme', domain_id: 'dom_1', version_id: 'ver_1', users: [{ id: 'usr_1', email: 'a@b.co' }] }, user: 'usr_1' },
    { name: 'the account object with user_id', body: { id: 'acc_1', domain_id: 'dom_1', version_id: 'ver_1', user_id: 'usr_1' }, user: 'usr_1' },
    { name: 'the bare account object', body: { id: 'acc_1', domain_id: 'dom_1', version_id: 'ver_1', created: 1 }, user: '' },
  ])('normalises activation from $name', async ({ body, user }) => {
    script = (_req, res) => json(res, 200, body)
    expect(await adapter({ routes: 'backstack-v1' }).activateInvitation('tok_abcdefghijklmnop')).toEqual({
      account_id: 'acc_1',
      user_id: user,
      domain_id: 'dom_1',
      version_id: 'ver_1',
    })
  })

  it('normalises fee_proposed_date to proposed_date in network rows', async () => {
    script = (_req, res) => json(res, 200, recordList([NETWORK]))
    const [row] = (await adapter().listNetworks!()).list
    expect(row?.proposed_date).toBe(1234567890)
    expect(row).not.toHaveProperty('fee_proposed_date')
  })

  it('fills record-list defaults the server left out', async () => {
    script = (_req, res) => json(res, 200, { list: [], total: 0, pages: 0 })
    expect(await adapter().listInvitations()).toEqual({ list: [], total: 0, search: '', filter: '', filters: [], pages: 0 })
  })

  it.each([
    { name: 'a 204', answer: (res: Parameters<Script>[1]) => res.writeHead(204).end() },
    { name: 'a JSON body', answer: (res: Parameters<Script>[1]) => json(res, 200, { deleted: true }) },
    { name: 'an HTML body', answer: (res: Parameters<Script>[1]) => raw(res, 200, '<p>ok</p>') },
  ])('deleteInvitation resolves with nothing after $name', async ({ answer }) => {
    script = (_req, res) => answer(res)
    await expect(adapter().deleteInvitation!('nwi_1')).resolves.toBeUndefined()
  })

  it('deleteNetwork parses the ids, or synthesises them from an empty answer', async () => {
    script = (_req, res) => json(res, 200, { parent_account_id: 'acc_0', child_account_id: 'acc_1' })
    expect(await adapter().deleteNetwork!('acc_1')).toEqual({ parent_account_id: 'acc_0', child_account_id: 'acc_1' })
    script = (_req, res) => res.writeHead(204).end()
    expect(await adapter().deleteNetwork!('acc_1')).toEqual({ parent_account_id: '', child_account_id: 'acc_1' })
  })

  it('lists countries from an overridden route (array or collection)', async () => {
    const a = adapter({ routes: { listCountries: { method: 'GET', path: '/countries?collection=true' } } })
    script = (_req, res) => json(res, 200, [{ US: { title: 'United States' } }, { FR: 'France' }, { id: 'DE', title: 'Germany' }])
    expect(await a.listCountries!()).toEqual([
      { id: 'US', title: 'United States' },
      { id: 'FR', title: 'France' },
      { id: 'DE', title: 'Germany' },
    ])
    expect(lastRequest().url).toBe('/countries?collection=true')
  })

  // Each entry of a countries answer is checked by one predicate (no zod union or record); these pin what it accepts.
  it.each<{ name: string; body: unknown; countries: unknown }>([
    { name: 'an empty list', body: [], countries: [] },
    { name: 'a country with extra keys (ignored)', body: [{ id: 'US', title: 'United States', code: 1 }], countries: [{ id: 'US', title: 'United States' }] },
    { name: 'several ids in one entry, order kept', body: [{ US: 'United States', FR: { title: 'France', flag: 'fr' } }], countries: [{ id: 'US', title: 'United States' }, { id: 'FR', title: 'France' }] },
    { name: 'an empty entry', body: [{}], countries: [] },
    { name: 'a collection entry spelling id and title', body: [{ id: '', title: 'Nowhere' }], countries: [{ id: '', title: 'Nowhere' }] },
    { name: 'a country whose title is an object (read as a collection)', body: [{ id: 'US', title: { title: 'T' } }], countries: [{ id: 'id', title: 'US' }, { id: 'title', title: 'T' }] },
  ])('reads countries from $name', async ({ body, countries }) => {
    script = (_req, res) => json(res, 200, body)
    expect(await adapter({ routes: { listCountries: { method: 'GET', path: '/countries' } } }).listCountries!()).toEqual(countries)
  })

  it.each<{ name: string; body: unknown }>([
    { name: 'an object instead of a list', body: { US: 'United States' } },
    { name: 'a string entry', body: ['US'] },
    { name: 'a null entry', body: [null] },
    { name: 'an array entry', body: [[]] },
    { name: 'an empty id', body: [{ '': 'Nowhere' }] },
    { name: 'a numeric title', body: [{ US: 5 }] },
    { name: 'a title object without a string title', body: [{ US: { title: 5 } }] },
    { name: 'an empty country id next to a bad key', body: [{ id: '', title: 'x', other: 5 }] },
    { name: 'one bad entry among good ones', body: [{ id: 'A', title: 'a' }, { B: 'b' }, 5] },
  ])('rejects a countries answer with $name as bad_response', async ({ body }) => {
    script = (_req, res) => json(res, 200, body)
    const error = await adapter({ routes: { listCountries: { method: 'GET', path: '/countries' } } })
      .listCountries!()
      .then(() => undefined, (thrown: unknown) => thrown)
    expect(error).toMatchObject({ status: 200, type: 'codebase', reason: 'bad_response' })
  })

  // What the seed-000 account's `user` / `users` may be.
  it.each<{ name: string; extra: Record<string, unknown>; user: string | undefined }>([
    { name: 'the first of several users', extra: { users: [{ id: 'usr_1' }, { id: 'usr_2', email: 'b@c.co' }] }, user: 'usr_1' },
    { name: 'no users', extra: { users: [] }, user: '' },
    { name: 'a user object', extra: { user: { id: 'usr_9', name: 'N' } }, user: 'usr_9' },
    { name: 'users that are not a list', extra: { users: { id: 'usr_1' } }, user: undefined },
    { name: 'a user without a string id', extra: { users: [{ id: 'usr_1' }, { id: 2 }] }, user: undefined },
    { name: 'a null user in the list', extra: { users: [null] }, user: undefined },
    { name: 'a user that is a list', extra: { user: [] }, user: undefined },
    { name: 'an empty account id', extra: { id: '' }, user: undefined },
  ])('activation from the account object with $name', async ({ extra, user }) => {
    script = (_req, res) => json(res, 200, { id: 'acc_1', domain_id: 'dom_1', version_id: 'ver_1', ...extra })
    const outcome = adapter({ routes: 'backstack-v1' })
      .activateInvitation('tok_abcdefghijklmnop')
      .then((result) => result.user_id, (thrown: unknown) => thrown)
    if (user === undefined) expect(await outcome).toMatchObject({ status: 200, type: 'codebase', reason: 'bad_response' })
    else expect(await outcome).toBe(user)
  })
})

describe('URL encoding', () => {
  it.each([
    { op: 'updateInvitation', value: 'nwi_a b/c?d#e', url: '/account/network-invitations/nwi_a%20b%2Fc%3Fd%23e' },
    { op: 'deleteInvitation', value: 'nwi_%2F..', url: '/account/network-invitations/nwi_%252F..' },
    { op: 'getNetwork', value: 'acc_ü&x=1', url: '/account/networks/acc_%C3%BC%26x%3D1' },
    { op: 'activateInvitation', value: 'abc/../../admin?x', url: '/account/network-invitations/abc%2F..%2F..%2Fadmin%3Fx' },
  ] as const)('$op encodes "$value" as one path segment', async ({ op, value, url }) => {
    script = (_req, res) =>
      json(res, 200, op === 'activateInvitation' ? { account_id: 'acc_1', user_id: '', domain_id: 'd', version_id: 'v' } : op === 'getNetwork' ? NETWORK : INVITATION)
    const a = adapter()
    const calls = {
      updateInvitation: () => a.updateInvitation!(value, {}),
      deleteInvitation: () => a.deleteInvitation!(value),
      getNetwork: () => a.getNetwork!(value),
      activateInvitation: () => a.activateInvitation(value),
    }
    await calls[op]()
    expect(lastRequest().url).toBe(url)
  })

  it('sends list params, leaving out empty ones', async () => {
    script = (_req, res) => json(res, 200, recordList([]))
    const a = adapter()
    await a.listInvitations({ search: 'acme & co', filter: 'pending', page: 2, records: 50 })
    expect(lastRequest().url).toBe('/account/network-invitations?search=acme+%26+co&filter=pending&page=2&records=50')
    await a.listNetworks!({ search: '', filter: undefined, page: 1 })
    expect(lastRequest().url).toBe('/account/networks?page=1')
    await a.listInvitations()
    expect(lastRequest().url).toBe('/account/network-invitations')
  })

  it('joins base URLs with or without a trailing slash and a path', () => {
    expect(buildUrl('https://api.example/', '/a?collection=true', { page: 2, search: '' })).toBe('https://api.example/a?collection=true&page=2')
    expect(buildUrl('/api', '/a', {})).toBe('/api/a')
    expect(fillPath('/x/:id?y=1', 'a/b')).toBe('/x/a%2Fb?y=1')
  })
})

describe('headers and credentials', () => {
  it('sends accept and content-type JSON, the host headers, and a fresh result of a sync headers function per request', async () => {
    script = (_req, res) => json(res, 200, INVITATION)
    let n = 0
    const seen: RestRequestInfo[] = []
    const a = adapter({
      headers: (info) => {
        seen.push(info)
        return { authorization: `Bearer token-${++n}` }
      },
    })
    await a.createInvitation({ email: 'a@b.co', domain_id: 'dom_1' })
    await a.updateInvitation!('nwi_1', {})
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
    expect(lastRequest().headers).toMatchObject({ accept: 'application/json', 'content-type': 'application/json' })
    expect(seen.map((s) => [s.operation, s.method, s.attempt])).toEqual([
      ['createInvitation', 'POST', 0],
      ['updateInvitation', 'POST', 0],
    ])
    expect(seen[1]?.url).toBe(`${server.url}/account/network-invitations/nwi_1`)
  })

  it('awaits an async headers function before every attempt, retries included', async () => {
    script = (_req, res, _r, i) => (i === 0 ? json(res, 429, { error: { type: 'user' } }) : json(res, 200, recordList([])))
    let n = 0
    const a = adapter({ sleep: async () => {}, headers: async () => new Headers({ 'x-token': `t${++n}` }) })
    await a.listInvitations()
    expect(server.requests.map((r) => r.headers['x-token'])).toEqual(['t1', 't2'])
  })

  it('accepts fixed headers', async () => {
    script = (_req, res) => json(res, 200, [])
    await adapter({ headers: [['x-app', 'demo']] }).listNetworkDomains()
    expect(lastRequest().headers['x-app']).toBe('demo')
    expect(lastRequest().headers['content-type']).toBeUndefined()
  })

  it('passes credentials to fetch (same-origin by default) and uses the injected fetch', async () => {
    const inits: RequestInit[] = []
    const fetch = async (_url: string, init: RequestInit) => {
      inits.push(init)
      return new Response('[]', { status: 200 })
    }
    await createRestAdapter({ baseUrl: 'https://api.example', fetch }).listNetworkDomains()
    await createRestAdapter({ baseUrl: 'https://api.example', fetch, credentials: 'include' }).listNetworkDomains()
    expect(inits.map((i) => i.credentials)).toEqual(['same-origin', 'include'])
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal)
  })
})

describe('Idempotency-Key', () => {
  it('createInvitation sends a new UUID v4 per call, or the key it is given', async () => {
    script = (_req, res) => json(res, 200, INVITATION)
    const a = adapter()
    await a.createInvitation({ email: 'a@b.co', domain_id: 'dom_1' })
    await a.createInvitation({ email: 'a@b.co', domain_id: 'dom_1' })
    await a.createInvitation({ email: 'a@b.co', domain_id: 'dom_1' }, { idempotencyKey: 'submit-42' })
    const keys = server.requests.map((r) => r.headers['idempotency-key'])
    expect(keys[0]).toMatch(UUID_V4)
    expect(keys[1]).toMatch(UUID_V4)
    expect(keys[0]).not.toBe(keys[1])
    expect(keys[2]).toBe('submit-42')
  })

  it('only createInvitation sends one', async () => {
    script = (_req, res) => json(res, 200, INVITATION)
    await adapter().updateInvitation!('nwi_1', {})
    expect(lastRequest().headers['idempotency-key']).toBeUndefined()
  })

  it('newIdempotencyKey falls back to getRandomValues outside secure contexts', () => {
    const original = globalThis.crypto.randomUUID
    try {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true })
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()))
      expect(keys.size).toBe(50)
      for (const key of keys) expect(key).toMatch(UUID_V4)
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true })
    }
  })
})

describe('routes', () => {
  it('overrides one route and keeps the rest of the preset', async () => {
    script = (_req, res) => json(res, 200, INVITATION)
    const a = adapter({ routes: { updateInvitation: { method: 'PATCH', path: '/v2/invitations/:id' } } })
    await a.updateInvitation!('nwi_1', { email: 'x@y.co' })
    expect(lastRequest()).toMatchObject({ method: 'PATCH', url: '/v2/invitations/nwi_1' })
    await a.createInvitation({ email: 'a@b.co', domain_id: 'dom_1' })
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/account/network-invitations' })
  })

  it('a null route removes the optional method, so adapterSupports is false', () => {
    const a = adapter({ routes: { deleteNetwork: null, listNetworks: null } })
    expect(adapterSupports(a, 'deleteNetwork')).toBe(false)
    expect(adapterSupports(a, 'listNetworks')).toBe(false)
    expect(adapterSupports(a, 'getNetwork')).toBe(true)
  })

  it('the seed-003 preset supports everything but countries; the v1 preset only the required operations', () => {
    const current = adapter()
    const v1 = adapter({ routes: 'backstack-v1' })
    expect(NETWORKS_OPERATIONS.filter((op) => adapterSupports(current, op))).toEqual(NETWORKS_OPERATIONS.filter((op) => op !== 'listCountries'))
    expect(NETWORKS_OPERATIONS.filter((op) => adapterSupports(v1, op))).toEqual(['listNetworkDomains', 'createInvitation', 'listInvitations', 'activateInvitation'])
    expect(v1.routes.createInvitation).toEqual({ method: 'POST', path: '/v1/network/initiate' })
    expect(v1.routes.activateInvitation).toEqual({ method: 'POST', path: '/v1/network/activate/:token' })
  })

  it('the v1 preset can be extended with overrides', async () => {
    script = (_req, res) => json(res, 200, recordList([]))
    const a = adapter({ routes: { ...BACKSTACK_V1_ROUTES, listInvitations: { method: 'GET', path: '/v1/network/invitations' } } })
    await a.listInvitations({ page: 3 })
    expect(lastRequest().url).toBe('/v1/network/invitations?page=3')
    expect(adapterSupports(a, 'updateInvitation')).toBe(false)
  })

  it.each([
    { name: 'an unknown placeholder', routes: { getNetwork: { method: 'GET', path: '/networks/:network' } }, message: /:network/ },
    { name: 'a missing placeholder', routes: { deleteInvitation: { method: 'DELETE', path: '/invitations' } }, message: /needs a placeholder/ },
    { name: 'a placeholder on a list', routes: { listInvitations: { method: 'GET', path: '/invitations/:id' } }, message: /no placeholder/ },
    { name: 'a relative path', routes: { listInvitations: { method: 'GET', path: 'invitations' } }, message: /start with/ },
    { name: 'an unknown method', routes: { listInvitations: { method: 'FETCH', path: '/invitations' } }, message: /method/ },
    { name: 'a null required route', routes: { createInvitation: null }, message: /required/ },
    { name: 'an unknown preset', routes: 'backstack-v9', message: /unknown route preset/ },
  ])('refuses $name at creation', ({ routes, message }) => {
    expect(() => resolveRoutes(routes as never)).toThrow(message)
    expect(() => createRestAdapter({ baseUrl: '/api', routes: routes as never })).toThrow(TypeError)
  })

  it('presets are frozen', () => {
    expect(Object.isFrozen(BACKSTACK_ROUTES)).toBe(true)
    expect(Object.isFrozen(BACKSTACK_V1_ROUTES)).toBe(true)
  })
})

describe('parseRetryAfter', () => {
  it.each([
    { value: '5', seconds: 5 },
    { value: ' 0 ', seconds: 0 },
    { value: '1.5', seconds: 2 },
    { value: 'Wed, 01 Jan 2030 00:00:30 GMT', seconds: 30 },
    { value: 'Tue, 31 Dec 2029 23:59:00 GMT', seconds: 0 },
    { value: 'soon', seconds: undefined },
    { value: '', seconds: undefined },
    { value: null, seconds: undefined },
  ])('reads "$value" as $seconds s', ({ value, seconds }) => {
    expect(parseRetryAfter(value, Date.UTC(2030, 0, 1))).toBe(seconds)
  })
})

describe('import safety', () => {
  it('creating the adapter touches neither fetch nor the network', () => {
    const fetch = () => {
      throw new Error('called')
    }
    expect(() => createRestAdapter({ baseUrl: '/api', fetch })).not.toThrow()
  })
})
