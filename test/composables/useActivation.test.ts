import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, shallowRef, type ShallowRef } from 'vue'
import { createMockAdapter, createMockBackend, type MockBackend } from '../../src/adapters/mock'
import { NetworkApiError, type NetworkApiErrorInit } from '../../src/core/errors'
import type { NetworksAdapter } from '../../src/core/adapter'
import {
  activationInvalidReason,
  activationStateOf,
  safeLinkUrl,
  useActivation,
  type UseActivationOptions,
  type UseActivationReturn,
} from '../../src/composables/useActivation'
import { activationMessages } from '../../src/messages/activation'
import { createAccountNetworks } from '../../src/plugin'
import { gated } from '../helpers/gated-activation'
import { recordCalls } from '../helpers/record-calls'

let counter = 0
function issueToken(backend: MockBackend): string {
  counter += 1
  const email = `headless${counter}@example.com`
  const domain = backend.api.listNetworkDomains()[0]
  if (!domain) throw new Error('no domain')
  backend.api.createInvitation({ email, domain_id: domain.id })
  const mail = backend.outbox().filter((e) => e.to === email && e.kind === 'invitation').at(-1)
  const token = mail ? backend.tokenFromEmail(mail) : null
  if (!token) throw new Error('no token')
  return token
}

function setup() {
  const backend = createMockBackend({ seed: false })
  const recorded = recordCalls(createMockAdapter(backend))
  return { backend, ...recorded }
}

/** Mounts a renderless component running `useActivation`; records the state seen during setup. */
function withActivation(adapter: NetworksAdapter, options: Omit<UseActivationOptions, 'adapter'> = {}) {
  let api: UseActivationReturn | undefined
  let stateDuringSetup: string | undefined
  const Host = defineComponent({
    setup() {
      api = useActivation({ adapter, ...options })
      stateDuringSetup = api.state.value
      return () => h('div')
    },
  })
  const wrapper = mount(Host, { global: { plugins: [createAccountNetworks()] } })
  if (!api) throw new Error('not set up')
  return { wrapper, api, stateDuringSetup }
}

beforeEach(() => {
  window.history.replaceState(null, '', '/activate')
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('useActivation', () => {
  it('reads the URL on mount, not during setup, and exposes only whether a token exists', async () => {
    const { backend, adapter } = setup()
    const token = issueToken(backend)
    window.history.replaceState(null, '', `/activate?token=${token}`)
    const { api, stateDuringSetup } = withActivation(adapter)
    expect(stateDuringSetup).toBe('idle')
    await flushPromises()
    expect(api.state.value).toBe('ready')
    expect(api.hasToken.value).toBe(true)
    expect(api.tokenSource.value).toBe('url')
    const exposed = JSON.stringify(
      Object.fromEntries(Object.entries(api).map(([k, v]) => [k, typeof v === 'function' ? 'fn' : (v as { value: unknown }).value])),
    )
    expect(exposed).not.toContain(token)
  })

  it('a token option is known during setup (server-renderable) and the URL is not read', async () => {
    const { backend, adapter } = setup()
    const token = issueToken(backend)
    window.history.replaceState(null, '', '/activate?token=otherTokenInTheUrl0000')
    const { api, stateDuringSetup } = withActivation(adapter, { token })
    expect(stateDuringSetup).toBe('ready')
    await flushPromises()
    expect(api.tokenSource.value).toBe('option')
    expect(window.location.search).toBe('?token=otherTokenInTheUrl0000')
  })

  it('readLocation: false leaves the URL unread', async () => {
    const { backend, adapter } = setup()
    window.history.replaceState(null, '', `/activate?token=${issueToken(backend)}`)
    const { api } = withActivation(adapter, { readLocation: false })
    await flushPromises()
    expect(api.state.value).toBe('no-token')
    expect(api.hasToken.value).toBe(false)
  })

  it('activate() called twice in one task sends one request and resolves with the result', async () => {
    const { backend, adapter, count } = setup()
    const onActivated = vi.fn()
    const { api } = withActivation(adapter, { token: issueToken(backend), onActivated })
    await flushPromises()
    const [first, second] = await Promise.all([api.activate(), api.activate()])
    expect(count('activateInvitation')).toBe(1)
    expect(first?.account_id).toMatch(/^acc_/)
    expect(second).toBeUndefined()
    expect(api.state.value).toBe('activated')
    expect(api.result.value).toEqual(first)
    expect(onActivated).toHaveBeenCalledExactlyOnceWith(first)
    // The outcome is final: activating again does nothing.
    await api.activate()
    await api.retry()
    expect(count('activateInvitation')).toBe(1)
  })

  it('retry() only acts after an error, re-posting the same token', async () => {
    const { backend, adapter, calls } = setup()
    const token = issueToken(backend)
    const onError = vi.fn()
    const { api } = withActivation(adapter, { token, onError })
    await flushPromises()
    await api.retry()
    expect(calls).toHaveLength(0)

    backend.failNext(503, 'activateInvitation')
    await api.activate()
    expect(api.state.value).toBe('error')
    expect(api.describedError.value?.retryable).toBe(true)
    expect(api.describedError.value?.message).toBe('The service is temporarily unavailable. Please try again in a moment.')
    expect(onError).toHaveBeenCalledOnce()
    expect(api.title.value).toBe(activationMessages.errorTitle)

    await api.retry()
    expect(api.state.value).toBe('activated')
    expect(api.error.value).toBeNull()
    expect(calls.map((c) => c.args[0])).toEqual([token, token])
  })

  it('a malformed token ends invalid (token_malformed) without a request', async () => {
    const { adapter, calls } = setup()
    const onError = vi.fn()
    const { api } = withActivation(adapter, { token: '<script>alert(1)</script>', autoActivate: true, onError })
    await flushPromises()
    await api.activate()
    expect(api.state.value).toBe('invalid')
    expect(api.invalidReason.value).toBe('token_malformed')
    expect(api.description.value).toBe(activationMessages.invalidReasons.token_malformed)
    expect(api.hasToken.value).toBe(true)
    expect(calls).toHaveLength(0)
    expect(onError).not.toHaveBeenCalled()
  })

  it('follows a changing token option', async () => {
    const { backend, adapter } = setup()
    const token: ShallowRef<string | undefined> = shallowRef(undefined)
    const { api } = withActivation(adapter, { token, readLocation: false })
    await flushPromises()
    expect(api.state.value).toBe('no-token')
    token.value = issueToken(backend)
    await flushPromises()
    expect(api.state.value).toBe('ready')
    token.value = 'bad'
    await flushPromises()
    expect(api.state.value).toBe('invalid')
  })

  it('calls no callback when the request settles after unmount', async () => {
    const { backend, adapter } = setup()
    const gate = gated(adapter)
    const onActivated = vi.fn()
    const { api, wrapper } = withActivation(gate.adapter, { token: issueToken(backend), onActivated })
    await flushPromises()
    const pending = api.activate()
    expect(api.state.value).toBe('activating')
    expect(api.isActivating.value).toBe(true)
    wrapper.unmount()
    gate.release()
    await pending
    expect(onActivated).not.toHaveBeenCalled()
  })

  it('uses the loginUrl option over the plugin, and only safe URLs', async () => {
    const { adapter } = setup()
    expect(withActivation(adapter, { loginUrl: '/in' }).api.loginUrl.value).toBe('/in')
    expect(withActivation(adapter, { loginUrl: 'javascript:alert(1)' }).api.loginUrl.value).toBeUndefined()
  })
})

describe('activationStateOf', () => {
  const base: NetworkApiErrorInit = { status: 400, type: 'user', message: 'x' }
  it.each([
    [{ ...base, status: 410, reason: 'token_expired' }, 'expired'],
    [{ ...base, status: 409, reason: 'token_used' }, 'used'],
    [{ ...base, reason: 'token_malformed' }, 'invalid'],
    [{ ...base, status: 404, reason: 'token_invalid' }, 'invalid'],
    [{ ...base, status: 410, reason: 'token_revoked' }, 'invalid'],
    [{ ...base, status: 410, reason: 'token_replaced' }, 'invalid'],
    [{ ...base, status: 404 }, 'invalid'],
    [{ ...base, status: 404, type: 'codebase', reason: 'not_found' }, 'invalid'],
    [{ ...base, status: 410 }, 'invalid'],
    [{ ...base, status: 409 }, 'used'],
    [{ ...base, status: 409, reason: 'email_taken' }, 'error'],
    [{ ...base, status: 500, type: 'system' }, 'error'],
    [{ ...base, status: 0, type: 'network', reason: 'offline' }, 'error'],
    [{ ...base, status: 429, reason: 'rate_limited' }, 'error'],
    [{ ...base, status: 403, reason: 'forbidden' }, 'error'],
  ] as const)('%j -> %s', (init, state) => {
    expect(activationStateOf(new NetworkApiError(init))).toBe(state)
  })

  it('falls back to token_invalid for an invalid reason the API did not name', () => {
    expect(activationInvalidReason(new NetworkApiError({ ...base, status: 404 }))).toBe('token_invalid')
    expect(activationInvalidReason(new NetworkApiError({ ...base, reason: 'token_revoked' }))).toBe('token_revoked')
    expect(activationInvalidReason(null)).toBe('token_invalid')
  })
})

describe('safeLinkUrl', () => {
  it.each([
    ['https://app.example/login', 'https://app.example/login'],
    ['http://localhost:3000/login', 'http://localhost:3000/login'],
    ['/login?next=%2F', '/login?next=%2F'],
    ['login', 'login'],
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s -> %s', (input, expected) => {
    expect(safeLinkUrl(input)).toBe(expected)
  })
})
