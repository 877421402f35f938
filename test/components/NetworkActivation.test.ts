import { QueryClient } from '@tanstack/vue-query'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import NetworkActivation from '../../src/components/NetworkActivation.vue'
import type { NetworksAdapter } from '../../src/core/adapter'
import { NetworkApiError } from '../../src/core/errors'
import type { ActivationResult } from '../../src/core/types'
import { activationMessages } from '../../src/messages/activation'
import { commonMessages } from '../../src/messages/common'
import { createAccountNetworks, type AccountNetworksOptions } from '../../src/plugin'
import { createMockAdapter, createMockBackend, type MockBackend } from '../../src/adapters/mock'
import { networkQueryKeys } from '../../src/query-keys'
import { axeViolations } from '../helpers/axe'
import { gated } from '../helpers/gated-activation'
import { recordCalls } from '../helpers/record-calls'

const XSS = '<img src=x onerror=alert(1)>'
const M = activationMessages

let emailCounter = 0

/** Creates a pending invitation on the mock and returns its id and the token from the emailed link. */
function issueInvitation(backend: MockBackend): { id: string; token: string; email: string } {
  emailCounter += 1
  const email = `partner${emailCounter}@example.com`
  const domain = backend.api.listNetworkDomains()[0]
  if (!domain) throw new Error('the mock has no domain')
  const invitation = backend.api.createInvitation({ email, domain_id: domain.id })
  const mail = backend.outbox().filter((e) => e.kind === 'invitation' && e.to === email).at(-1)
  const token = mail ? backend.tokenFromEmail(mail) : null
  if (!token) throw new Error('no token in the outbox')
  return { id: invitation.id, token, email }
}

const wrappers: VueWrapper[] = []

function setUrl(path: string) {
  window.history.replaceState(null, '', path)
}

function setup(options: { seed?: false } = {}) {
  const backend = createMockBackend({ seed: options.seed ?? false })
  const mock = createMockAdapter(backend)
  const recorded = recordCalls(mock)
  return { backend, ...recorded }
}

function mountActivation(
  adapter: NetworksAdapter,
  props: Record<string, unknown> = {},
  plugin: AccountNetworksOptions = {},
  slots: Record<string, unknown> = {},
) {
  const wrapper = mount(NetworkActivation, {
    props,
    slots: slots as never,
    global: { plugins: [createAccountNetworks({ adapter, ...plugin })] },
    attachTo: document.body,
  })
  wrappers.push(wrapper)
  return wrapper
}

function heading(wrapper: VueWrapper): HTMLElement {
  return wrapper.get('.vnw-network-activation__heading').element as HTMLElement
}

function activateButton(wrapper: VueWrapper) {
  return wrapper.find('button.vnw-network-activation__activate')
}

beforeEach(() => {
  setUrl('/networks')
})

afterEach(() => {
  while (wrappers.length) wrappers.pop()?.unmount()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('NetworkActivation: reading the token', () => {
  it('sends no request on mount: explains and offers an Activate button', async () => {
    const { backend, adapter, count } = setup()
    const { token } = issueInvitation(backend)
    setUrl(`/networks?token=${token}`)
    const wrapper = mountActivation(adapter)
    await flushPromises()

    expect(count('activateInvitation')).toBe(0)
    expect(heading(wrapper).textContent).toBe(M.readyTitle)
    expect(wrapper.text()).toContain(M.readyText)
    const button = activateButton(wrapper)
    expect(button.exists()).toBe(true)
    expect(button.text()).toBe(M.activate)
    expect(wrapper.attributes('data-state')).toBe('ready')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it.each([
    ['query', (t: string) => `/networks?token=${t}`],
    ['hash parameters', (t: string) => `/networks#token=${t}`],
    ['hash route', (t: string) => `/#/activate?token=${t}&x=1`],
  ])('finds the token in the %s', async (_name, url) => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    setUrl(url(token))
    const wrapper = mountActivation(adapter)
    await flushPromises()
    expect(wrapper.attributes('data-state')).toBe('ready')
  })

  it('removes the token from the address bar, keeping other parameters and the hash route', async () => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    setUrl(`/networks?a=1&token=${token}&b=2#/step?x=1`)
    const replace = vi.spyOn(window.history, 'replaceState')
    mountActivation(adapter)
    await flushPromises()

    expect(replace).toHaveBeenCalledTimes(1)
    expect(window.location.href).not.toContain(token)
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/networks?a=1&b=2#/step?x=1')
  })

  it('removes a token from the hash route', async () => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    setUrl(`/#/activate?token=${token}&x=1`)
    mountActivation(adapter)
    await flushPromises()
    expect(window.location.hash).toBe('#/activate?x=1')
  })

  it('keeps the token in the address bar with keepTokenInUrl', async () => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    setUrl(`/networks?token=${token}`)
    const replace = vi.spyOn(window.history, 'replaceState')
    const wrapper = mountActivation(adapter, { keepTokenInUrl: true })
    await flushPromises()
    expect(replace).not.toHaveBeenCalled()
    expect(window.location.href).toContain(token)
    expect(wrapper.attributes('data-state')).toBe('ready')
  })

  it('uses the token prop and leaves the URL alone', async () => {
    const { backend, adapter, count } = setup()
    const { token } = issueInvitation(backend)
    setUrl('/networks?token=somethingelse0000000&a=1')
    const replace = vi.spyOn(window.history, 'replaceState')
    const wrapper = mountActivation(adapter, { token })
    await flushPromises()
    expect(replace).not.toHaveBeenCalled()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('activated'))
    expect(count('activateInvitation')).toBe(1)
    expect(backend.store.networks).toHaveLength(1)
  })

  it.each([
    ['no token at all', '/networks?a=1'],
    ['an empty ?token=', '/networks?token='],
    ['an empty hash token', '/networks#token='],
  ])('shows the incomplete-link state for %s', async (_name, url) => {
    const { adapter, count } = setup()
    setUrl(url)
    const wrapper = mountActivation(adapter)
    await flushPromises()
    expect(wrapper.attributes('data-state')).toBe('no-token')
    expect(heading(wrapper).textContent).toBe(M.noTokenTitle)
    expect(wrapper.text()).toContain(M.noTokenText)
    expect(activateButton(wrapper).exists()).toBe(false)
    expect(count('activateInvitation')).toBe(0)
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it.each([
    ['an XSS payload', XSS],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a too short token', 'abc'],
  ])('a malformed token (%s) goes to invalid without a request and is never rendered', async (_name, bad) => {
    const { adapter, count } = setup()
    setUrl(`/networks?token=${encodeURIComponent(bad)}`)
    const wrapper = mountActivation(adapter)
    await flushPromises()

    expect(wrapper.attributes('data-state')).toBe('invalid')
    expect(heading(wrapper).textContent).toBe(M.invalidTitle)
    expect(wrapper.text()).toContain(M.invalidReasons.token_malformed)
    expect(count('activateInvitation')).toBe(0)
    expect(wrapper.html()).not.toContain(bad)
    expect(wrapper.html()).not.toContain(encodeURIComponent(bad))
    expect(wrapper.find('img').exists()).toBe(false)
    expect(window.location.href).not.toContain('token=')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('NetworkActivation: activating', () => {
  it('activates on click: one request even on a double click, then the activated state with a sign-in link', async () => {
    const { backend, adapter, count } = setup()
    const { token } = issueInvitation(backend)
    setUrl(`/networks?token=${token}`)
    const wrapper = mountActivation(adapter, {}, { loginUrl: 'https://app.example/login' })
    await flushPromises()

    const button = activateButton(wrapper).element as HTMLButtonElement
    button.click()
    button.click()
    button.click()
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('activated'))

    expect(count('activateInvitation')).toBe(1)
    expect(heading(wrapper).textContent).toBe(M.activatedTitle)
    expect(wrapper.text()).toContain(M.activatedText)
    const link = wrapper.get('a.vnw-network-activation__login')
    expect(link.text()).toBe(M.signIn)
    expect(link.attributes('href')).toBe('https://app.example/login')

    const activated = wrapper.emitted('activated') as [ActivationResult][]
    expect(activated).toHaveLength(1)
    const result = activated[0]![0]
    expect(result.account_id).toMatch(/^acc_/)
    expect(backend.store.networks.map((n) => n.child_account_id)).toEqual([result.account_id])
    expect(wrapper.emitted('state-change')).toEqual([['ready'], ['activating'], ['activated']])
    expect(backend.outbox().some((e) => e.kind === 'login-instructions')).toBe(true)
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('announces the activating state politely, keeps the button focusable and busy, and ignores clicks meanwhile', async () => {
    const { backend, adapter: recorded, count } = setup()
    const { token } = issueInvitation(backend)
    const gate = gated(recorded)
    const wrapper = mountActivation(gate.adapter, { token })
    await flushPromises()

    const button = activateButton(wrapper)
    ;(button.element as HTMLButtonElement).focus()
    await button.trigger('click')
    await flushPromises()

    expect(wrapper.attributes('data-state')).toBe('activating')
    const status = wrapper.get('[role="status"]')
    expect(status.attributes('aria-live')).toBe('polite')
    expect(status.text()).toBe(M.activatingText)
    expect(button.text()).toBe(M.activatingButton)
    expect(button.attributes('aria-disabled')).toBe('true')
    expect(button.attributes('aria-busy')).toBe('true')
    expect(document.activeElement).toBe(button.element)
    expect(await axeViolations(wrapper.element)).toEqual([])

    await button.trigger('click')
    await button.trigger('keydown', { key: 'Enter' })
    gate.release()
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('activated'))
    expect(count('activateInvitation')).toBe(1)
  })

  it('moves focus to the heading of the result after a click', async () => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    const wrapper = mountActivation(adapter, { token })
    await flushPromises()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('activated'))
    await vi.waitFor(() => expect(document.activeElement).toBe(heading(wrapper)))
    expect(heading(wrapper).getAttribute('tabindex')).toBe('-1')
    expect(heading(wrapper).tagName).toBe('H2')
  })

  it('Activate is a real button: the only tab stop, keyboard-activatable natively', async () => {
    const { backend, adapter, count } = setup()
    const { token } = issueInvitation(backend)
    const wrapper = mountActivation(adapter, { token, headingLevel: 1 })
    await flushPromises()

    const tabbable = Array.from((wrapper.element as HTMLElement).querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')).filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
    )
    expect(tabbable).toHaveLength(1)
    const button = tabbable[0] as HTMLButtonElement
    expect(button.tagName).toBe('BUTTON')
    expect(button.type).toBe('button')
    expect(button.disabled).toBe(false)
    expect(button.textContent?.trim()).toBe(M.activate)
    expect(heading(wrapper).tagName).toBe('H1')
    // happy-dom does not turn Enter/Space into a click as browsers do for a native <button>; the click is what they dispatch.
    button.focus()
    expect(document.activeElement).toBe(button)
    button.click()
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('activated'))
    expect(count('activateInvitation')).toBe(1)
  })

  it('invalidates the networks and invitations lists of its adapter on success', async () => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    const queryClient = new QueryClient()
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    const wrapper = mountActivation(adapter, { token }, { queryClient })
    await flushPromises()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('activated'))
    const keys = invalidate.mock.calls.map(([filters]) => (filters as { queryKey?: unknown } | undefined)?.queryKey)
    expect(keys).toContainEqual(networkQueryKeys.networks(adapter))
    expect(keys).toContainEqual(networkQueryKeys.invitations(adapter))
  })
})

describe('NetworkActivation: autoActivate', () => {
  it('activates on mount once, even when two components mount with the same token', async () => {
    const { backend, adapter, count } = setup()
    const { token } = issueInvitation(backend)
    const Two = defineComponent({
      setup: () => () => [h(NetworkActivation, { token, autoActivate: true }), h(NetworkActivation, { token, autoActivate: true })],
    })
    const wrapper = mount(Two, { global: { plugins: [createAccountNetworks({ adapter })] }, attachTo: document.body })
    wrappers.push(wrapper)
    await vi.waitFor(() => {
      const states = wrapper.findAll('.vnw-network-activation').map((w) => w.attributes('data-state'))
      expect(states).toEqual(['activated', 'activated'])
    })
    expect(count('activateInvitation')).toBe(1)
    expect(backend.store.networks).toHaveLength(1)
  })

  it('does not activate again when remounted in another app on the page', async () => {
    const { backend, adapter, count } = setup()
    const { token } = issueInvitation(backend)
    setUrl(`/networks?token=${token}`)
    const first = mountActivation(adapter, { autoActivate: true, keepTokenInUrl: true })
    await vi.waitFor(() => expect(first.attributes('data-state')).toBe('activated'))
    first.unmount()
    wrappers.splice(wrappers.indexOf(first), 1)

    const second = mountActivation(adapter, { autoActivate: true })
    await vi.waitFor(() => expect(second.attributes('data-state')).toBe('activated'))
    expect(count('activateInvitation')).toBe(1)
    expect(second.emitted('activated')).toHaveLength(1)
  })

  it('announces an auto-activation without stealing focus', async () => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    const wrapper = mountActivation(adapter, { token, autoActivate: true })
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('activated'))
    expect(wrapper.get('[role="status"]').text()).toBe(M.activatedTitle)
    expect(document.activeElement).toBe(document.body)
  })

  it('never auto-activates a malformed token', async () => {
    const { adapter, count } = setup()
    const wrapper = mountActivation(adapter, { token: 'short', autoActivate: true })
    await flushPromises()
    expect(wrapper.attributes('data-state')).toBe('invalid')
    expect(count('activateInvitation')).toBe(0)
  })
})

describe('NetworkActivation: refused tokens', () => {
  type Case = [name: string, state: string, title: string, text: string, prepare: (backend: MockBackend) => string]
  const cases: Case[] = [
    [
      'expired',
      'expired',
      M.expiredTitle,
      M.expiredText,
      (backend) => {
        const { token } = issueInvitation(backend)
        backend.clock.advance(172800)
        return token
      },
    ],
    [
      'used',
      'used',
      M.usedTitle,
      M.usedText,
      (backend) => {
        const { token } = issueInvitation(backend)
        backend.api.activateInvitation(token)
        return token
      },
    ],
    ['unknown', 'invalid', M.invalidTitle, M.invalidReasons.token_invalid, () => 'unknownButWellFormedToken0123456789'],
    [
      'revoked (invitation deleted)',
      'invalid',
      M.invalidTitle,
      M.invalidReasons.token_revoked,
      (backend) => {
        const { id, token } = issueInvitation(backend)
        backend.api.deleteInvitation(id)
        return token
      },
    ],
    [
      'replaced (invitation resent)',
      'invalid',
      M.invalidTitle,
      M.invalidReasons.token_replaced,
      (backend) => {
        const { id, token } = issueInvitation(backend)
        backend.api.updateInvitation(id, { fee_proposed: 3 })
        return token
      },
    ],
  ]

  it.each(cases)('%s token: its state, heading and text; emits error; focus on the heading', async (_name, state, title, text, prepare) => {
    const { backend, adapter, count } = setup()
    const token = prepare(backend)
    setUrl(`/networks?token=${token}`)
    const wrapper = mountActivation(adapter, {}, { loginUrl: '/login' })
    await flushPromises()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe(state))

    expect(count('activateInvitation')).toBe(1)
    expect(heading(wrapper).textContent).toBe(title)
    expect(wrapper.text()).toContain(text)
    expect(activateButton(wrapper).exists()).toBe(false)
    expect(wrapper.find('.vnw-network-activation__retry').exists()).toBe(false)
    const errors = wrapper.emitted('error') as [NetworkApiError][]
    expect(errors).toHaveLength(1)
    const error = errors[0]![0]
    expect(error).toBeInstanceOf(NetworkApiError)
    expect(JSON.stringify(error.toJSON())).not.toContain(token)
    await vi.waitFor(() => expect(document.activeElement).toBe(heading(wrapper)))
    // Only the accepted-already state offers the sign-in link.
    expect(wrapper.find('a.vnw-network-activation__login').exists()).toBe(state === 'used')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('uses overridden messages per invalid reason', async () => {
    const { adapter } = setup()
    const wrapper = mountActivation(adapter, { token: 'unknownButWellFormedToken0123456789' }, {
      messages: { activation: { invalidReasons: { token_invalid: 'Custom: no such link.' }, invalidTitle: 'Custom title' } },
    })
    await flushPromises()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('invalid'))
    expect(heading(wrapper).textContent).toBe('Custom title')
    expect(wrapper.text()).toContain('Custom: no such link.')
  })
})

describe('NetworkActivation: failures and retry', () => {
  it.each([
    [500, 'Something went wrong on our side. Please try again.'],
    ['network', 'You appear to be offline. Check your connection and try again.'],
    [429, 'Too many requests. Wait a moment and try again.'],
  ] as const)('%s: shows the message and a Retry that posts the same token and succeeds', async (failure, message) => {
    const { backend, adapter, calls, count } = setup()
    const { token } = issueInvitation(backend)
    setUrl(`/networks?token=${token}`)
    backend.failNext(failure, 'activateInvitation')
    const wrapper = mountActivation(adapter)
    await flushPromises()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('error'))

    expect(heading(wrapper).textContent).toBe(M.errorTitle)
    expect(wrapper.get('.vnw-network-activation__error').text()).toBe(message)
    expect(wrapper.text()).toContain(M.errorText)
    const retry = wrapper.get('button.vnw-network-activation__retry')
    expect(retry.text()).toBe(commonMessages.retry)
    expect(wrapper.emitted('error')).toHaveLength(1)
    await vi.waitFor(() => expect(document.activeElement).toBe(heading(wrapper)))
    expect(await axeViolations(wrapper.element)).toEqual([])

    ;(retry.element as HTMLButtonElement).click()
    ;(retry.element as HTMLButtonElement).click()
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('activated'))
    expect(count('activateInvitation')).toBe(2)
    expect(calls.map((c) => c.args)).toEqual([[token], [token]])
    expect(wrapper.emitted('activated')).toHaveLength(1)
  })

  it('renders an API message with markup as inert text', async () => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    backend.failNext({ status: 500, type: 'system', message: XSS }, 'activateInvitation')
    const wrapper = mountActivation(adapter, { token })
    await flushPromises()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('error'))
    expect(wrapper.get('.vnw-network-activation__error').text()).toBe(XSS)
    expect(wrapper.find('img').exists()).toBe(false)
  })

  it('shows a generic message, never a raw TypeError, when an adapter throws something else', async () => {
    const { adapter } = setup()
    const broken = Object.create(adapter) as NetworksAdapter
    Object.defineProperty(broken, 'activateInvitation', {
      value: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")),
    })
    const wrapper = mountActivation(broken, { token: 'wellFormedToken0123456789' })
    await flushPromises()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('error'))
    expect(wrapper.text()).toContain(commonMessages.genericError)
    expect(wrapper.text()).not.toContain('TypeError')
    expect(wrapper.text()).not.toContain('Cannot read')
  })

  it('strips the token from an error that echoes it', async () => {
    const { adapter } = setup()
    const token = 'echoedToken0123456789abcdef'
    const echoing = Object.create(adapter) as NetworksAdapter
    Object.defineProperty(echoing, 'activateInvitation', {
      value: (t: string) =>
        Promise.reject(new NetworkApiError({ status: 500, type: 'system', message: `Failed POST /activate/${t}`, devMessage: `token=${t}` })),
    })
    const wrapper = mountActivation(echoing, { token })
    await flushPromises()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('error'))
    expect(wrapper.html()).not.toContain(token)
    const error = (wrapper.emitted('error') as [NetworkApiError][])[0]![0]
    expect(JSON.stringify(error.toJSON())).not.toContain(token)
    expect(error.message).toBe('Failed POST /activate/[token]')
  })
})

describe('NetworkActivation: login link, console, slots, SSR', () => {
  it.each([
    ['plugin option', {}, { loginUrl: '/signin' }, '/signin'],
    ['prop over plugin option', { loginUrl: 'https://auth.example/login' }, { loginUrl: '/signin' }, 'https://auth.example/login'],
    ['javascript: URL is not linked', { loginUrl: 'javascript:alert(1)' }, {}, null],
    ['none', {}, {}, null],
  ] as const)('sign-in link: %s', async (_name, props, plugin, href) => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    const wrapper = mountActivation(adapter, { token, ...props }, plugin)
    await flushPromises()
    await activateButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.attributes('data-state')).toBe('activated'))
    const link = wrapper.find('a.vnw-network-activation__login')
    expect(link.exists() ? link.attributes('href') : null).toBe(href)
    expect(wrapper.html()).not.toContain('javascript:')
  })

  it('never passes the token to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => {}))
    const { backend, adapter } = setup()
    const first = issueInvitation(backend)
    const second = issueInvitation(backend)
    backend.failNext(500, 'activateInvitation')
    setUrl(`/networks?token=${first.token}`)
    const a = mountActivation(adapter)
    await flushPromises()
    await activateButton(a).trigger('click')
    await vi.waitFor(() => expect(a.attributes('data-state')).toBe('error'))
    await a.get('.vnw-network-activation__retry').trigger('click')
    await vi.waitFor(() => expect(a.attributes('data-state')).toBe('activated'))
    backend.clock.advance(172800)
    const b = mountActivation(adapter, { token: second.token, autoActivate: true })
    await vi.waitFor(() => expect(b.attributes('data-state')).toBe('expired'))

    const logged = spies.flatMap((spy) => spy.mock.calls.flat().map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : JSON.stringify(arg) ?? String(arg))))
    for (const line of logged) {
      expect(line).not.toContain(first.token)
      expect(line).not.toContain(second.token)
    }
  })

  it('passes state, actions and result to a state slot', async () => {
    const { backend, adapter } = setup()
    const { token } = issueInvitation(backend)
    const wrapper = mountActivation(
      adapter,
      { token },
      {},
      {
        ready: `<template #ready="{ activate, title, headingId }"><h3 :id="headingId" tabindex="-1">{{ title }}</h3><button type="button" class="custom" @click="activate">Join now</button></template>`,
        activated: `<template #activated="{ result, headingId }"><h3 :id="headingId" tabindex="-1" class="done">Welcome {{ result.account_id }}</h3></template>`,
      },
    )
    await flushPromises()
    expect(wrapper.find('.vnw-network-activation__heading').exists()).toBe(false)
    await wrapper.get('button.custom').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('.done').exists()).toBe(true))
    const result = (wrapper.emitted('activated') as [ActivationResult][])[0]![0]
    expect(wrapper.get('.done').text()).toBe(`Welcome ${result.account_id}`)
  })

  it('renders a neutral state on the server without reading the URL or sending anything', async () => {
    const { backend, adapter, count } = setup()
    const { token } = issueInvitation(backend)
    setUrl(`/networks?token=${token}`)
    const replace = vi.spyOn(window.history, 'replaceState')
    const app = createSSRApp(NetworkActivation, { autoActivate: true })
    app.use(createAccountNetworks({ adapter }))
    const html = await renderToString(app)
    expect(html).toContain(M.idleTitle)
    expect(html).toContain('data-state="idle"')
    expect(html).not.toContain(token)
    expect(replace).not.toHaveBeenCalled()
    expect(count('activateInvitation')).toBe(0)
  })
})
