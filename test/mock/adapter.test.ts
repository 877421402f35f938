import { afterEach, describe, expect, it, vi } from 'vitest'
import { adapterSupports, NETWORKS_OPERATIONS } from '../../src/core/adapter'
import { isNetworkApiError, type NetworkApiErrorInit } from '../../src/core/errors'
import { MOCK_IDS, createMockAdapter, createMockBackend, type MockFailure } from '../../src/adapters/mock'
import { expectApiError, freshAdapter, inviteWithToken } from './helpers'

const { accounts, domains } = MOCK_IDS

afterEach(() => {
  vi.useRealTimers()
})

describe('createMockAdapter', () => {
  it('creates its own backend, named mock, implementing every operation', () => {
    const adapter = createMockAdapter()
    expect(adapter.name).toBe('mock')
    expect(adapter.backend.session().accountId).toBe(accounts.harbor)
    for (const operation of NETWORKS_OPERATIONS) expect(adapterSupports(adapter, operation)).toBe(true)
  })

  it('uses a given backend', async () => {
    const backend = createMockBackend({ seed: false })
    const adapter = createMockAdapter(backend)
    expect(adapter.backend).toBe(backend)
    await adapter.createInvitation({ email: 'a@b-c.com', domain_id: domains.retailer })
    expect(backend.outbox()).toHaveLength(1)
  })

  it('without countries has no listCountries at all', async () => {
    const adapter = createMockAdapter({ countries: false })
    expect('listCountries' in adapter).toBe(false)
    expect(adapterSupports(adapter, 'listCountries')).toBe(false)
    expect(() => adapter.backend.api.listCountries()).toThrow(expect.objectContaining({ status: 404, reason: 'unsupported' }))
  })

  it('with countries lists them', async () => {
    const adapter = createMockAdapter()
    expect(adapterSupports(adapter, 'listCountries')).toBe(true)
    const countries = await adapter.listCountries!()
    expect(countries).toHaveLength(10)
    expect(countries[0]).toEqual({ id: 'US', title: 'United States' })
  })

  it('turns anything unexpected into a NetworkApiError (never a TypeError)', async () => {
    const adapter = freshAdapter()
    const hostile = {
      get email(): string {
        throw new TypeError('boom')
      },
      domain_id: domains.retailer,
    }
    const error = await expectApiError(adapter.createInvitation(hostile), { type: 'codebase' })
    expect(error.devMessage).toContain('boom')
    expect(() => adapter.backend.api.createInvitation(hostile)).toThrow(expect.objectContaining({ type: 'codebase' }))
    try {
      adapter.backend.api.createInvitation(hostile)
    } catch (caught) {
      expect(isNetworkApiError(caught)).toBe(true)
    }
  })

  it('the synchronous api behaves like the adapter', () => {
    const backend = createMockBackend()
    const invitation = backend.api.createInvitation({ email: 'sync@acme-corp.com', domain_id: domains.retailer })
    expect(invitation.status).toBe('pending')
    expect(() => backend.api.createInvitation({ email: 'sync@acme-corp.com', domain_id: domains.retailer })).toThrow(
      expect.objectContaining({ status: 400, fields: { email: 'An invitation to this email is already pending.' } }),
    )
  })
})

describe('latency', () => {
  it('delays each call by a fixed latency (fake timers)', async () => {
    vi.useFakeTimers()
    const adapter = freshAdapter({ latency: 200 })
    let settled = false
    const pending = adapter.listInvitations().then((list) => {
      settled = true
      return list
    })
    await vi.advanceTimersByTimeAsync(199)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBe(true)
    await expect(pending).resolves.toMatchObject({ filters: ['pending', 'expired', 'active'] })
  })

  it('zero latency schedules no timer', async () => {
    vi.useFakeTimers()
    const adapter = freshAdapter({ latency: 0 })
    const pending = adapter.listInvitations()
    expect(vi.getTimerCount()).toBe(0)
    await expect(pending).resolves.toBeDefined()
  })

  it('a random range stays within bounds and is deterministic for a seed', async () => {
    vi.useFakeTimers()
    const delays = async (seed: number): Promise<number[]> => {
      const adapter = freshAdapter({ seed, latency: [100, 300] })
      const out: number[] = []
      for (let i = 0; i < 6; i++) {
        let settled = false
        const call = adapter.listNetworkDomains().then(() => {
          settled = true
        })
        let elapsed = 0
        while (!settled) {
          await vi.advanceTimersByTimeAsync(10)
          elapsed += 10
        }
        await call
        out.push(elapsed)
      }
      return out
    }
    const a = await delays(11)
    expect(a.every((ms) => ms >= 100 && ms <= 300)).toBe(true)
    expect(new Set(a).size).toBeGreaterThan(1)
    expect(await delays(11)).toEqual(a)
  })

  it('setLatency changes it at runtime and normalises a reversed range', async () => {
    vi.useFakeTimers()
    const adapter = freshAdapter()
    adapter.backend.setLatency([50, 10])
    expect(adapter.backend.store.settings.latency).toEqual([10, 50])
    adapter.backend.setLatency(-5)
    expect(adapter.backend.store.settings.latency).toBe(0)
    adapter.backend.setLatency(1000)
    const pending = adapter.listNetworkDomains()
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    await expect(pending).resolves.toHaveLength(2)
  })

  it('an injected failure arrives after the latency', async () => {
    vi.useFakeTimers()
    const adapter = freshAdapter({ latency: 100 })
    adapter.backend.failNext(500)
    let rejected = false
    const pending = adapter.listInvitations().catch((error: unknown) => {
      rejected = true
      return error
    })
    await vi.advanceTimersByTimeAsync(99)
    expect(rejected).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await pending).toMatchObject({ status: 500 })
  })
})

describe('failure injection', () => {
  it.each<[MockFailure, number, string, string, number | undefined]>([
    [401, 401, 'user', 'unauthenticated', undefined],
    [403, 403, 'user', 'forbidden', undefined],
    [404, 404, 'codebase', 'not_found', undefined],
    [429, 429, 'user', 'rate_limited', 2],
    [500, 500, 'system', 'server_error', undefined],
    [503, 503, 'system', 'server_error', undefined],
    ['network', 0, 'network', 'offline', undefined],
    ['timeout', 0, 'network', 'timeout', undefined],
  ])('shorthand %s → status %i, %s, %s', async (failure, status, type, reason, retryAfter) => {
    const adapter = freshAdapter()
    adapter.backend.failNext(failure)
    const error = await expectApiError(adapter.listInvitations(), { status, type: type as never, reason })
    expect(error.retryAfter).toBe(retryAfter)
    if (failure === 403) expect(error.message).toBe("You don't have access to networks.")
    await expect(adapter.listInvitations()).resolves.toBeDefined()
  })

  it('a full error is injected as given', async () => {
    const adapter = freshAdapter()
    const init: NetworkApiErrorInit = { status: 422, type: 'user', message: 'Nope.', fields: { email: 'Taken.' }, reason: 'custom' }
    adapter.backend.failNext(init)
    const error = await expectApiError(adapter.createInvitation({ email: 'a@b.com', domain_id: domains.retailer }), {
      status: 422,
      type: 'user',
      reason: 'custom',
      field: 'email',
    })
    expect(error.message).toBe('Nope.')
  })

  it('an injected failure skips the operation (nothing created, no email)', async () => {
    const adapter = freshAdapter()
    const before = (await adapter.listInvitations()).total
    adapter.backend.failNext(500, 'createInvitation')
    await expectApiError(adapter.createInvitation({ email: 'a@b.com', domain_id: domains.retailer }), { status: 500, type: 'system' })
    expect((await adapter.listInvitations()).total).toBe(before)
    expect(adapter.backend.outbox()).toEqual([])
  })

  it('failNext queues in order', async () => {
    const adapter = freshAdapter()
    adapter.backend.failNext(500)
    adapter.backend.failNext(503)
    await expectApiError(adapter.listNetworkDomains(), { status: 500, type: 'system' })
    await expectApiError(adapter.listNetworkDomains(), { status: 503, type: 'system' })
    await expect(adapter.listNetworkDomains()).resolves.toBeDefined()
  })

  it('failNext for one operation waits for that operation', async () => {
    const adapter = freshAdapter()
    adapter.backend.failNext('timeout', 'activateInvitation')
    const { token } = await inviteWithToken(adapter)
    await expect(adapter.listInvitations()).resolves.toBeDefined()
    await expectApiError(adapter.activateInvitation(token), { status: 0, type: 'network', reason: 'timeout' })
    await expect(adapter.activateInvitation(token)).resolves.toBeDefined()
  })

  it('failOperation fails every call of that operation until cleared with null', async () => {
    const adapter = freshAdapter()
    adapter.backend.failOperation('listNetworks', 'network')
    for (let i = 0; i < 3; i++) await expectApiError(adapter.listNetworks(), { status: 0, type: 'network', reason: 'offline' })
    await expect(adapter.listInvitations()).resolves.toBeDefined()
    adapter.backend.failOperation('listNetworks', null)
    await expect(adapter.listNetworks()).resolves.toBeDefined()
  })

  it('setFailureRate 1 fails everything (default 500), 0 nothing', async () => {
    const adapter = freshAdapter()
    adapter.backend.setFailureRate(1)
    await expectApiError(adapter.listNetworkDomains(), { status: 500, type: 'system' })
    adapter.backend.setFailureRate(1, 429)
    await expectApiError(adapter.listNetworkDomains(), { status: 429, type: 'user' })
    adapter.backend.setFailureRate(0)
    await expect(adapter.listNetworkDomains()).resolves.toBeDefined()
  })

  it('a partial failure rate is deterministic for a seed', async () => {
    const outcomes = async (): Promise<boolean[]> => {
      const adapter = freshAdapter({ seed: 9 })
      adapter.backend.setFailureRate(0.5)
      const results = await Promise.allSettled(Array.from({ length: 40 }, () => adapter.listNetworkDomains()))
      return results.map((result) => result.status === 'fulfilled')
    }
    const a = await outcomes()
    expect(a.filter(Boolean).length).toBeGreaterThan(5)
    expect(a.filter((ok) => !ok).length).toBeGreaterThan(5)
    expect(await outcomes()).toEqual(a)
  })

  it('clearFailures removes every kind', async () => {
    const adapter = freshAdapter()
    adapter.backend.failNext(500)
    adapter.backend.failOperation('listNetworkDomains', 503)
    adapter.backend.setFailureRate(1)
    adapter.backend.clearFailures()
    await expect(adapter.listNetworkDomains()).resolves.toBeDefined()
  })

  it('beforeCall rejects with a fresh NetworkApiError each time', async () => {
    const backend = createMockBackend()
    backend.failOperation('getNetwork', 404)
    const first = await backend.beforeCall('getNetwork').catch((error: unknown) => error)
    const second = await backend.beforeCall('getNetwork').catch((error: unknown) => error)
    expect(isNetworkApiError(first)).toBe(true)
    expect(first).not.toBe(second)
    await expect(backend.beforeCall('listNetworks')).resolves.toBeUndefined()
  })
})
