import { QueryClient } from '@tanstack/vue-query'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import NetworkInvitationForm from '../../src/components/NetworkInvitationForm.vue'
import type { NetworksAdapter } from '../../src/core/adapter'
import { NetworkApiError } from '../../src/core/errors'
import type { NetworkDomain, NetworkInvitation } from '../../src/core/types'
import { defaultMessages } from '../../src/messages'
import { createAccountNetworks, type AccountNetworksOptions } from '../../src/plugin'
import { networkQueryKeys } from '../../src/query-keys'
import { createMockAdapter, MOCK_IDS, type MockAdapter, type MockAdapterOptions } from '../../src/adapters/mock'
import { axeViolations } from '../helpers/axe'
import { recordCalls } from '../helpers/record-calls'

const m = defaultMessages.form
const common = defaultMessages.common
const XSS_HTML = '<img src=x onerror=alert(1)>'
const XSS_URL = 'javascript:alert(1)'
const { retailer, restaurant } = MOCK_IDS.domains

type FormProps = InstanceType<typeof NetworkInvitationForm>['$props']

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

interface SetupOptions {
  mock?: MockAdapterOptions
  adapter?: (mock: MockAdapter) => NetworksAdapter
  plugin?: Omit<AccountNetworksOptions, 'adapter'>
  props?: FormProps
  slots?: Record<string, unknown>
  /** Runs on the backend before mounting (the domains are requested on mount). */
  before?: (backend: MockAdapter['backend']) => void
}

function setup(options: SetupOptions = {}) {
  const mock = createMockAdapter(options.mock)
  options.before?.(mock.backend)
  const recorded = recordCalls(options.adapter ? options.adapter(mock) : mock)
  wrapper = mount(NetworkInvitationForm, {
    props: options.props ?? {},
    slots: options.slots as never,
    global: { plugins: [createAccountNetworks({ ...options.plugin, adapter: recorded.adapter })] },
    attachTo: document.body,
  })
  return { wrapper, backend: mock.backend, mock, calls: recorded }
}

async function ready(w: VueWrapper): Promise<void> {
  await vi.waitFor(() => expect(w.find('form').exists()).toBe(true))
}

const emailInput = (w: VueWrapper) => w.find<HTMLInputElement>('input[name="email"]')
const domainSelect = (w: VueWrapper) => w.find<HTMLSelectElement>('select[name="domain_id"]')
const countrySelect = (w: VueWrapper) => w.find<HTMLSelectElement>('select[name="country_id"]')
const feeInput = (w: VueWrapper) => w.find<HTMLInputElement>('input[name="fee_proposed"]')
const alertText = (w: VueWrapper) => w.find('[role="alert"]').text()
const statusText = (w: VueWrapper) => w.find('.vnw-invitation-form__status').text()

async function fill(w: VueWrapper, values: { email?: string; domain?: string; fee?: string; country?: string }): Promise<void> {
  if (values.email !== undefined) await emailInput(w).setValue(values.email)
  if (values.domain !== undefined) await domainSelect(w).setValue(values.domain)
  if (values.country !== undefined) await countrySelect(w).setValue(values.country)
  if (values.fee !== undefined) await feeInput(w).setValue(values.fee)
}

/** Types text a number input cannot read: browsers then report value '' with validity.badInput. */
async function typeUnreadableFee(w: VueWrapper): Promise<void> {
  const el = feeInput(w).element
  Object.defineProperty(el, 'validity', { configurable: true, value: { badInput: true, valid: false } })
  el.value = ''
  await feeInput(w).trigger('input')
}

async function submit(w: VueWrapper): Promise<void> {
  await w.find('form').trigger('submit')
}

function labelOf(w: VueWrapper, control: Element): string {
  return w.find(`label[for="${control.id}"]`).text()
}

describe('NetworkInvitationForm: rendering', () => {
  it('renders labelled email, account type, country and fee fields with a submit button', async () => {
    const { wrapper: w } = setup()
    await ready(w)
    expect(w.classes()).toEqual(expect.arrayContaining(['vnw-root', 'vnw-invitation-form']))
    expect(w.find('form').attributes('aria-label')).toBe(m.title)
    expect(labelOf(w, emailInput(w).element)).toBe(m.email)
    expect(emailInput(w).attributes('type')).toBe('email')
    expect(labelOf(w, domainSelect(w).element)).toBe(m.domain)
    expect(labelOf(w, countrySelect(w).element)).toBe(m.country)
    expect(labelOf(w, feeInput(w).element)).toBe(m.fee)
    const options = domainSelect(w).findAll('option').map((o) => o.text())
    expect(options).toEqual([m.domainPlaceholder, 'Retail store', 'Restaurant'])
    expect(domainSelect(w).element.value).toBe('')
    expect(w.find('button[type="submit"]').text()).toBe(m.submit)
    expect(w.find('.vnw-invitation-form__cancel').exists()).toBe(false)
    expect(await axeViolations(w.element)).toEqual([])
  })

  it('offers a fee input in percent: number, step 0.01, 0 to 100, with a % suffix', async () => {
    const { wrapper: w } = setup()
    await ready(w)
    const fee = feeInput(w)
    expect(fee.attributes()).toMatchObject({ type: 'number', step: '0.01', min: '0', max: '100' })
    expect(w.find('.vnw-invitation-form__suffix').text()).toBe('%')
    expect(fee.attributes('aria-describedby')).toContain(w.find('.vnw-invitation-form__field--fee .vnw-help').attributes('id'))
  })

  it('shows the selected domain description as help, following the selection', async () => {
    const { wrapper: w, backend } = setup()
    await ready(w)
    const describe = (id: string) => backend.domains().find((d) => d.id === id)?.description
    expect(w.find('.vnw-invitation-form__domain-help').exists()).toBe(false)
    await domainSelect(w).setValue(retailer)
    const help = w.find('.vnw-invitation-form__domain-help')
    expect(help.text()).toBe(describe(retailer))
    expect(domainSelect(w).attributes('aria-describedby')?.split(' ')).toContain(help.attributes('id'))
    await domainSelect(w).setValue(restaurant)
    expect(w.find('.vnw-invitation-form__domain-help').text()).toBe(describe(restaurant))
  })

  it('shows the chosen domain again when the domain options reload without it, then with it', async () => {
    const queryClient = new QueryClient()
    let without: string | null = null
    const { wrapper: w, backend } = setup({
      plugin: { queryClient },
      adapter: (mock) => ({ ...mock, listNetworkDomains: async () => (await mock.listNetworkDomains()).filter((d) => d.id !== without) }),
    })
    await ready(w)
    const options = () => w.findAll('select[name="domain_id"] option').map((o) => o.attributes('value'))
    await domainSelect(w).setValue(restaurant)
    const reload = async (missing: string | null) => {
      without = missing
      await queryClient.invalidateQueries({ queryKey: networkQueryKeys.domains() })
      await vi.waitFor(() => expect(options().includes(restaurant)).toBe(missing === null))
    }
    await reload(restaurant)
    await reload(null)
    expect(domainSelect(w).element.value).toBe(restaurant)
    expect(w.find('.vnw-invitation-form__domain-help').text()).toBe(backend.domains().find((d) => d.id === restaurant)?.description)
  })

  it.each([
    ['lists countries', true, true],
    ['has no countries', false, false],
  ])('the country field shows only when the adapter %s', async (_, countries, shown) => {
    const { wrapper: w } = setup({ mock: { countries } })
    await ready(w)
    expect(countrySelect(w).exists()).toBe(shown)
    if (shown) {
      expect(countrySelect(w).element.value).toBe('')
      expect(countrySelect(w).find('option').text()).toBe(m.countrySame)
    }
  })

  it.each([
    ['plugin on, no prop', true, undefined, true],
    ['plugin off, no prop', false, undefined, false],
    ['plugin off, prop on', false, true, true],
    ['plugin on, prop off', true, false, false],
  ])('fee field with monetization %s', async (_, plugin, prop, shown) => {
    const { wrapper: w } = setup({ plugin: { monetization: plugin }, props: prop === undefined ? {} : { monetization: prop } })
    await ready(w)
    expect(feeInput(w).exists()).toBe(shown)
  })

  it('shows a loading state (aria-busy) while the domains load', async () => {
    let release: (domains: NetworkDomain[]) => void = () => {}
    const { wrapper: w } = setup({
      adapter: (mock) => ({ ...mock, listNetworkDomains: () => new Promise<NetworkDomain[]>((resolve) => (release = resolve)) }),
    })
    await flushPromises()
    expect(w.attributes('aria-busy')).toBe('true')
    expect(w.find('[role="status"]').text()).toBe(m.loadingDomains)
    expect(w.find('form').exists()).toBe(false)
    release([{ id: 'dom_a', title: 'A', description: 'a' }])
    await ready(w)
    expect(w.attributes('aria-busy')).toBeUndefined()
  })

  it('shows a message and a working retry when the domains fail to load', async () => {
    const { wrapper: w, calls } = setup({ before: (backend) => backend.failNext(500, 'listNetworkDomains') })
    await vi.waitFor(() => expect(w.find('.vnw-invitation-form__domains-error').exists()).toBe(true))
    expect(alertText(w)).toContain(m.domainsError)
    expect(w.find('form').exists()).toBe(false)
    await w.find('.vnw-invitation-form__retry').trigger('click')
    await ready(w)
    expect(calls.count('listNetworkDomains')).toBe(2)
  })

  it('explains that an account without subordinate domains cannot invite, with no field or submit button', async () => {
    const { wrapper: w, calls } = setup({ before: (backend) => backend.signInAs(MOCK_IDS.accounts.corner) })
    await vi.waitFor(() => expect(w.text()).toContain(m.noDomains))
    expect(w.find('form').exists()).toBe(false)
    expect(w.find('button[type="submit"]').exists()).toBe(false)
    expect(w.find('input').exists()).toBe(false)
    expect(calls.count('createInvitation')).toBe(0)
    expect(await axeViolations(w.element)).toEqual([])
  })

  it('renders the no-domains slot instead of the default message', async () => {
    const { wrapper: w } = setup({
      before: (backend) => backend.signInAs(MOCK_IDS.accounts.corner),
      slots: { 'no-domains': () => h('p', { class: 'custom' }, 'Nobody to invite') },
    })
    await vi.waitFor(() => expect(w.find('.custom').exists()).toBe(true))
    expect(w.text()).not.toContain(m.noDomains)
  })

  it.each([
    ['default message', undefined, m.forbidden],
    ['forbidden slot', { forbidden: () => h('p', 'Ask your admin') }, 'Ask your admin'],
  ])('without createInvitation permission shows no form: %s', async (_, slots, text) => {
    const { wrapper: w, calls } = setup({ plugin: { can: (action) => action !== 'createInvitation' }, slots })
    await flushPromises()
    expect(w.find('form').exists()).toBe(false)
    expect(w.text()).toContain(text)
    expect(calls.count('createInvitation')).toBe(0)
  })

  it('renders API strings (domain title and description) as inert text', async () => {
    const { wrapper: w } = setup({
      adapter: (mock) => ({ ...mock, listNetworkDomains: async () => [{ id: 'dom_xss', title: XSS_HTML, description: XSS_URL }] }),
    })
    await ready(w)
    await domainSelect(w).setValue('dom_xss')
    expect(domainSelect(w).findAll('option')[1]?.text()).toBe(XSS_HTML)
    expect(w.find('.vnw-invitation-form__domain-help').text()).toBe(XSS_URL)
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('a').exists()).toBe(false)
  })
})

describe('NetworkInvitationForm: validation', () => {
  it.each([
    ['an invalid email', { email: 'not-an-email', domain: retailer }, 'email', m.errors.emailInvalid],
    ['an empty email', { email: '   ', domain: retailer }, 'email', m.errors.emailRequired],
    ['no account type', { email: 'ok@example.com' }, 'domain_id', m.errors.domainRequired],
    ['a fee of -1', { email: 'ok@example.com', domain: retailer, fee: '-1' }, 'fee_proposed', m.errors.feeMin],
    ['a fee of 101', { email: 'ok@example.com', domain: retailer, fee: '101' }, 'fee_proposed', m.errors.feeMax],
    ['a fee of 1.234', { email: 'ok@example.com', domain: retailer, fee: '1.234' }, 'fee_proposed', m.errors.feeDecimals],
  ])('%s shows a field message linked by aria-describedby, focuses the field, sends nothing', async (_, values, field, message) => {
    const { wrapper: w, calls } = setup()
    await ready(w)
    await fill(w, values)
    await submit(w)
    const control = w.find<HTMLElement>(`[name="${field}"]`)
    await vi.waitFor(() => expect(control.attributes('aria-invalid')).toBe('true'))
    const errorId = control.attributes('aria-describedby')?.split(' ').find((id) => document.getElementById(id)?.classList.contains('vnw-field-error'))
    expect(errorId).toBeDefined()
    expect(document.getElementById(errorId ?? '')?.textContent).toBe(message)
    expect(document.activeElement).toBe(control.element)
    expect(calls.count('createInvitation')).toBe(0)
    expect(w.emitted('created')).toBeUndefined()
  })

  it('text a number input cannot read ("abc") is "not a number", not "no fee"', async () => {
    const { wrapper: w, calls } = setup()
    await ready(w)
    await fill(w, { email: 'ok@example.com', domain: retailer })
    await typeUnreadableFee(w)
    await submit(w)
    await vi.waitFor(() => expect(w.find('.vnw-invitation-form__field--fee .vnw-field-error').text()).toBe(m.errors.feeNumber))
    expect(feeInput(w).attributes('aria-invalid')).toBe('true')
    expect(calls.count('createInvitation')).toBe(0)
  })

  it('focuses the first invalid field in DOM order and keeps every value', async () => {
    const { wrapper: w } = setup()
    await ready(w)
    await fill(w, { email: 'bad', fee: '500' })
    await submit(w)
    await vi.waitFor(() => expect(feeInput(w).attributes('aria-invalid')).toBe('true'))
    expect(emailInput(w).attributes('aria-invalid')).toBe('true')
    expect(domainSelect(w).attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(emailInput(w).element)
    expect(emailInput(w).element.value).toBe('bad')
    expect(feeInput(w).element.value).toBe('500')
    expect(await axeViolations(w.element)).toEqual([])
  })

  it('shows a message on blur, before any submit, and clears it once fixed', async () => {
    const { wrapper: w, calls } = setup()
    await ready(w)
    await emailInput(w).setValue('nope')
    await emailInput(w).trigger('blur')
    await vi.waitFor(() => expect(w.text()).toContain(m.errors.emailInvalid))
    await emailInput(w).setValue('fixed@example.com')
    await vi.waitFor(() => expect(w.text()).not.toContain(m.errors.emailInvalid))
    expect(emailInput(w).attributes('aria-invalid')).toBeUndefined()
    expect(calls.count('createInvitation')).toBe(0)
  })
})

describe('NetworkInvitationForm: submitting', () => {
  it('creates the invitation, emits it, resets, announces acceptance for delivery, one email in the outbox', async () => {
    const { wrapper: w, backend, calls } = setup()
    await ready(w)
    const before = backend.outbox().length
    await fill(w, { email: '  new.partner@example.com ', domain: retailer, country: 'CA', fee: '2.5' })
    await submit(w)
    await vi.waitFor(() => expect(w.emitted('created')).toHaveLength(1))
    const [invitation] = w.emitted<[NetworkInvitation]>('created')?.[0] ?? []
    expect(invitation).toMatchObject({ email: 'new.partner@example.com', domain_id: retailer, country_id: 'CA', fee_proposed: 2.5, status: 'pending' })
    expect(calls.calls.filter((c) => c.operation === 'createInvitation').map((c) => c.args)).toEqual([
      [{ email: 'new.partner@example.com', domain_id: retailer, country_id: 'CA', fee_proposed: 2.5 }],
    ])
    const status = w.find('.vnw-invitation-form__status')
    expect(status.attributes('aria-live')).toBe('polite')
    await vi.waitFor(() => expect(status.text()).toBe(m.sent('new.partner@example.com')))
    expect(status.text()).toContain('accepted for delivery')
    expect(emailInput(w).element.value).toBe('')
    expect(domainSelect(w).element.value).toBe('')
    expect(feeInput(w).element.value).toBe('')
    expect(w.find('[aria-invalid="true"]').exists()).toBe(false)
    const sent = backend.outbox().slice(before)
    expect(sent.map((e) => [e.kind, e.to])).toEqual([['invitation', 'new.partner@example.com']])
    expect(await axeViolations(w.element)).toEqual([])
  })

  it('leaves out the country and the fee when not chosen', async () => {
    const { wrapper: w, calls } = setup()
    await ready(w)
    await fill(w, { email: 'plain@example.com', domain: restaurant })
    await submit(w)
    await vi.waitFor(() => expect(w.emitted('created')).toHaveLength(1))
    expect(calls.calls.find((c) => c.operation === 'createInvitation')?.args).toEqual([{ email: 'plain@example.com', domain_id: restaurant }])
  })

  it('renders the success slot with the invitation', async () => {
    const { wrapper: w } = setup({
      slots: { success: (p: { invitation: NetworkInvitation }) => h('p', { class: 'custom-success' }, `Done: ${p.invitation.email}`) },
    })
    await ready(w)
    await fill(w, { email: 'slot@example.com', domain: retailer })
    await submit(w)
    await vi.waitFor(() => expect(w.find('.custom-success').text()).toBe('Done: slot@example.com'))
  })

  it('three rapid requestSubmit() calls in one task send one request', async () => {
    const { wrapper: w, calls } = setup()
    await ready(w)
    await fill(w, { email: 'once@example.com', domain: retailer })
    const form = w.find('form').element
    form.requestSubmit()
    form.requestSubmit()
    form.requestSubmit()
    await vi.waitFor(() => expect(w.emitted('created')).toHaveLength(1))
    await flushPromises()
    expect(calls.count('createInvitation')).toBe(1)
  })

  it('Enter in the email field submits', async () => {
    const { wrapper: w, calls } = setup()
    await ready(w)
    await fill(w, { domain: retailer, email: 'enter@example.com' })
    await emailInput(w).trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(w.emitted('created')).toHaveLength(1))
    expect(calls.count('createInvitation')).toBe(1)
  })

  it('a server field error lands on its field (an email with a pending invitation)', async () => {
    const { wrapper: w, mock, calls } = setup()
    await mock.createInvitation({ email: 'taken@example.com', domain_id: retailer })
    await ready(w)
    await fill(w, { email: 'taken@example.com', domain: restaurant })
    await submit(w)
    await vi.waitFor(() => expect(emailInput(w).attributes('aria-invalid')).toBe('true'))
    const describedBy = emailInput(w).attributes('aria-describedby') ?? ''
    const message = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
    expect(message).toContain('already pending')
    expect(document.activeElement).toBe(emailInput(w).element)
    expect(w.find('[role="alert"]').exists()).toBe(true)
    expect(emailInput(w).element.value).toBe('taken@example.com')
    expect(domainSelect(w).element.value).toBe(restaurant)
    expect(calls.count('createInvitation')).toBe(1)
    expect(w.emitted<[NetworkApiError]>('error')?.[0]?.[0]).toMatchObject({ status: 400 })
  })

  it('server messages and field errors render as inert text', async () => {
    const { wrapper: w, backend } = setup()
    await ready(w)
    backend.failNext({ status: 400, type: 'user', message: XSS_HTML, fields: { email: XSS_URL, domain_id: XSS_HTML } }, 'createInvitation')
    await fill(w, { email: 'x@example.com', domain: retailer })
    await submit(w)
    await vi.waitFor(() => expect(alertText(w)).toBe(XSS_HTML))
    expect(w.find('.vnw-invitation-form__field--email .vnw-field-error').text()).toBe(XSS_URL)
    expect(w.find('.vnw-invitation-form__field--domain .vnw-field-error').text()).toBe(XSS_HTML)
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('a').exists()).toBe(false)
  })

  it('a server error about a field that is not shown goes into the alert', async () => {
    const { wrapper: w, backend } = setup({ plugin: { monetization: false } })
    await ready(w)
    backend.failNext({ status: 400, type: 'user', message: 'Check the form.', fields: { fee_proposed: 'Fees are off.' } }, 'createInvitation')
    await fill(w, { email: 'x@example.com', domain: retailer })
    await submit(w)
    await vi.waitFor(() => expect(alertText(w)).toBe('Check the form. Fees are off.'))
  })

  it.each([
    [401, common.unauthenticated],
    [403, common.forbidden],
  ] as const)('a %s shows the no-access message and emits error', async (failure, message) => {
    const { wrapper: w, backend } = setup()
    await ready(w)
    backend.failNext(failure, 'createInvitation')
    await fill(w, { email: 'x@example.com', domain: retailer })
    await submit(w)
    await vi.waitFor(() => expect(alertText(w)).toBe(message))
    expect(w.emitted<[NetworkApiError]>('error')?.[0]?.[0]?.status).toBe(failure)
    expect(emailInput(w).element.value).toBe('x@example.com')
  })

  it.each([429, 500, 'network'] as const)('a %s failure keeps the values, hints at retrying, and a retry succeeds', async (failure) => {
    const { wrapper: w, backend, calls } = setup()
    await ready(w)
    backend.failNext(failure, 'createInvitation')
    await fill(w, { email: 'retry@example.com', domain: retailer, fee: '3' })
    await submit(w)
    await vi.waitFor(() => expect(w.find('[role="alert"]').exists()).toBe(true))
    expect(alertText(w)).toMatch(/Your entries are kept\. Try again in/)
    expect(emailInput(w).element.value).toBe('retry@example.com')
    expect(domainSelect(w).element.value).toBe(retailer)
    expect(feeInput(w).element.value).toBe('3')
    expect(w.emitted('created')).toBeUndefined()
    expect(w.emitted('error')).toHaveLength(1)
    await submit(w)
    await vi.waitFor(() => expect(w.emitted('created')).toHaveLength(1))
    expect(w.find('[role="alert"]').exists()).toBe(false)
    expect(calls.count('createInvitation')).toBe(2)
    expect(statusText(w)).toBe(m.sent('retry@example.com'))
  })

  it('an adapter that throws a raw TypeError shows the generic message, never the TypeError', async () => {
    const { wrapper: w } = setup({
      adapter: (mock) => ({
        ...mock,
        createInvitation: () => {
          throw new TypeError('Cannot read properties of undefined')
        },
      }),
    })
    await ready(w)
    await fill(w, { email: 'x@example.com', domain: retailer })
    await submit(w)
    await vi.waitFor(() => expect(w.find('[role="alert"]').exists()).toBe(true))
    expect(alertText(w)).toContain(common.genericError)
    expect(w.text()).not.toContain('TypeError')
    expect(w.text()).not.toContain('Cannot read')
  })

  it('Cancel emits cancel when cancelable', async () => {
    const { wrapper: w } = setup({ props: { cancelable: true } })
    await ready(w)
    await w.find('.vnw-invitation-form__cancel').trigger('click')
    expect(w.emitted('cancel')).toHaveLength(1)
  })

  it('the actions slot gets submitting and submit', async () => {
    const { wrapper: w, calls } = setup({
      slots: {
        actions: (p: { submitting: boolean; submit: () => Promise<unknown> }) =>
          h('button', { type: 'button', class: 'custom-send', 'data-submitting': String(p.submitting), onClick: () => void p.submit() }, 'Go'),
      },
    })
    await ready(w)
    expect(w.find('button[type="submit"]').exists()).toBe(false)
    await fill(w, { email: 'slot-action@example.com', domain: retailer })
    await w.find('.custom-send').trigger('click')
    await vi.waitFor(() => expect(w.emitted('created')).toHaveLength(1))
    expect(calls.count('createInvitation')).toBe(1)
  })
})

describe('NetworkInvitationForm: edit mode', () => {
  async function editSetup(options: SetupOptions = {}, fee: number | undefined = 2) {
    const mock = createMockAdapter(options.mock)
    const invitation = await mock.createInvitation({ email: 'edit.me@example.com', domain_id: retailer, ...(fee === undefined ? {} : { fee_proposed: fee }) })
    const made = setup({ ...options, adapter: options.adapter ?? (() => mock), props: { invitation, ...options.props } })
    await ready(made.wrapper)
    return { ...made, mock, backend: mock.backend, invitation }
  }

  it('edits email and fee only, the domain is read-only, and the button reads "Save and resend"', async () => {
    const { wrapper: w } = await editSetup()
    expect(w.find('form').attributes('aria-label')).toBe(m.editTitle)
    expect(emailInput(w).element.value).toBe('edit.me@example.com')
    expect(feeInput(w).element.value).toBe('2')
    expect(domainSelect(w).exists()).toBe(false)
    expect(countrySelect(w).exists()).toBe(false)
    const domain = w.find<HTMLInputElement>('.vnw-invitation-form__field--domain input')
    expect(domain.attributes('readonly')).toBeDefined()
    await vi.waitFor(() => expect(domain.element.value).toBe('Retail store'))
    expect(w.find('button[type="submit"]').text()).toBe(m.save)
    expect(await axeViolations(w.element)).toEqual([])
  })

  it.each([
    ['a changed email only', { email: 'moved@example.com' }, { email: 'moved@example.com' }],
    ['a changed fee only', { fee: '4.75' }, { fee_proposed: 4.75 }],
    ['a cleared fee as null', { fee: '' }, { fee_proposed: null }],
    ['nothing changed: a plain resend', {}, {}],
  ])('sends %s, emits updated, and a new email goes out', async (_, values, expected) => {
    const { wrapper: w, backend, calls, invitation } = await editSetup()
    const before = backend.outbox().length
    await fill(w, values)
    await submit(w)
    await vi.waitFor(() => expect(w.emitted('updated')).toHaveLength(1))
    expect(calls.calls.filter((c) => c.operation === 'updateInvitation').map((c) => c.args)).toEqual([[invitation.id, expected]])
    expect(calls.count('createInvitation')).toBe(0)
    const [updated] = w.emitted<[NetworkInvitation]>('updated')?.[0] ?? []
    expect(updated?.id).toBe(invitation.id)
    const sent = backend.outbox().slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.to).toBe(updated?.email)
    await vi.waitFor(() => expect(statusText(w)).toBe(m.resent(updated?.email ?? '')))
    expect(statusText(w)).toContain('previous link no longer works')
  })

  it('after saving, the form holds the saved values and a second save sends only new changes', async () => {
    const { wrapper: w, calls, invitation } = await editSetup()
    await fill(w, { fee: '' })
    await submit(w)
    await vi.waitFor(() => expect(w.emitted('updated')).toHaveLength(1))
    expect(feeInput(w).element.value).toBe('')
    await fill(w, { email: 'second@example.com' })
    await submit(w)
    await vi.waitFor(() => expect(w.emitted('updated')).toHaveLength(2))
    expect(calls.calls.filter((c) => c.operation === 'updateInvitation').map((c) => c.args[1])).toEqual([{ fee_proposed: null }, { email: 'second@example.com' }])
    expect(invitation.id).toMatch(/^nwi_/)
  })

  it('validates in edit mode too: a bad fee sends nothing', async () => {
    const { wrapper: w, calls } = await editSetup()
    await fill(w, { fee: '101' })
    await submit(w)
    await vi.waitFor(() => expect(feeInput(w).attributes('aria-invalid')).toBe('true'))
    expect(document.activeElement).toBe(feeInput(w).element)
    expect(calls.count('updateInvitation')).toBe(0)
  })

  it.each([
    ['the adapter has no updateInvitation', {
      adapter: (mock: MockAdapter): NetworksAdapter => {
        const { updateInvitation: _omit, ...rest } = mock
        return rest
      },
    }],
    ['the policy forbids updateInvitation', { plugin: { can: (action: string) => action !== 'updateInvitation' } }],
  ])('shows a message and no form when %s', async (_, options) => {
    const mock = createMockAdapter()
    const invitation = await mock.createInvitation({ email: 'edit.me@example.com', domain_id: retailer })
    const adapterOf = 'adapter' in options ? options.adapter : () => mock
    const { wrapper: w } = setup({ ...options, adapter: () => adapterOf(mock), props: { invitation } } as SetupOptions)
    await flushPromises()
    expect(w.find('form').exists()).toBe(false)
    expect(w.text()).toContain(m.editUnavailable)
  })
})
