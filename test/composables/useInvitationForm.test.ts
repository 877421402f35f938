import { QueryClient } from '@tanstack/vue-query'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, shallowRef } from 'vue'
import * as z from 'zod/mini'
import { createMockAdapter, MOCK_IDS, type MockAdapter, type MockAdapterOptions } from '../../src/adapters/mock'
import {
  createInvitationFormSchema,
  invitationChanges,
  parseFeeInput,
  useInvitationForm,
  type InvitationFormField,
  type UseInvitationFormOptions,
  type UseInvitationFormReturn,
} from '../../src/composables/useInvitationForm'
import { useCreateInvitation, useUpdateInvitation } from '../../src/composables/useInvitationMutations'
import { zodTypedSchema, toFormPath } from '../../src/composables/zod-typed-schema'
import type { NetworksAdapter } from '../../src/core/adapter'
import type { NetworkInvitation, RecordList } from '../../src/core/types'
import { defaultMessages } from '../../src/messages'
import { createAccountNetworks, type AccountNetworksOptions } from '../../src/plugin'
import { networkQueryKeys } from '../../src/query-keys'
import { recordCalls } from '../helpers/record-calls'

const m = defaultMessages.form
const { retailer, restaurant } = MOCK_IDS.domains

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function withSetup<T>(fn: () => T, plugin: AccountNetworksOptions): T {
  let result: T | undefined
  wrapper = mount(
    defineComponent({
      setup() {
        result = fn()
        return () => h('div')
      },
    }),
    { global: { plugins: [createAccountNetworks(plugin)] } },
  )
  if (result === undefined) throw new Error('setup did not run')
  return result
}

function setupForm(options: { mock?: MockAdapterOptions; form?: Omit<UseInvitationFormOptions, 'adapter'>; plugin?: Omit<AccountNetworksOptions, 'adapter'> } = {}) {
  const mock = createMockAdapter(options.mock)
  const recorded = recordCalls(mock)
  const form = withSetup(() => useInvitationForm(options.form), { ...options.plugin, adapter: recorded.adapter })
  return { form, mock, backend: mock.backend, calls: recorded }
}

async function loaded(form: UseInvitationFormReturn): Promise<void> {
  await vi.waitFor(() => expect(form.domains.value.length).toBeGreaterThan(0))
}

function fill(form: UseInvitationFormReturn, values: Partial<Record<InvitationFormField, string | number>>): void {
  for (const [name, value] of Object.entries(values) as Array<[InvitationFormField, string | number]>) {
    ;(form.fields[name].model as { value: string | number }).value = value
  }
}

describe('parseFeeInput', () => {
  it.each([
    ['', undefined],
    ['   ', undefined],
    [null, undefined],
    [undefined, undefined],
    [2.5, 2.5],
    ['2.5', 2.5],
    [' 7 ', 7],
    ['.5', 0.5],
    ['-1', -1],
  ])('%j -> %j', (raw, expected) => {
    expect(parseFeeInput(raw)).toBe(expected)
  })

  it.each(['abc', '1,5', '0x10', '1e2', '2.5%', Number.NaN, {}])('%j is not a number', (raw) => {
    expect(parseFeeInput(raw)).toBeNaN()
  })
})

describe('createInvitationFormSchema', () => {
  const schema = createInvitationFormSchema('create')
  const base = { email: ' a@example.com ', domain_id: retailer, country_id: '', fee_proposed: '' as string | number }

  it.each([
    ['no fee', '', undefined],
    ['a number', 2.5, 2.5],
    ['a numeric string', '12.25', 12.25],
  ])('accepts the fee as %s and normalises the values', (_, fee, expected) => {
    const out = z.parse(schema, { ...base, fee_proposed: fee })
    expect(out).toEqual({ email: 'a@example.com', domain_id: retailer, country_id: undefined, fee_proposed: expected })
  })

  it.each([
    ['abc', 'invalid_type'],
    [-1, 'too_small'],
    [101, 'too_big'],
    ['1.234', 'custom'],
  ])('rejects the fee %j (%s)', (fee, code) => {
    const result = z.safeParse(schema, { ...base, fee_proposed: fee })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['fee_proposed', code]])
  })

  it('does not check the domain in edit mode', () => {
    expect(z.safeParse(createInvitationFormSchema('edit'), { ...base, domain_id: '' }).success).toBe(true)
    expect(z.safeParse(schema, { ...base, domain_id: '' }).success).toBe(false)
  })
})

describe('zodTypedSchema', () => {
  it('returns the parsed value on success', async () => {
    const typed = zodTypedSchema(z.object({ n: z.pipe(z.string(), z.transform(Number)) }))
    expect(await typed.parse({ n: '4' })).toEqual({ value: { n: 4 }, errors: [] })
  })

  it('groups messages by vee-validate path and lets mapIssue replace them', async () => {
    const typed = zodTypedSchema(
      z.object({ items: z.array(z.object({ name: z.string().check(z.minLength(2, 'short'), z.regex(/^[a-z]+$/, 'letters')) })) }),
      { mapIssue: (issue, path, values) => (issue.code === 'too_small' ? `${path} too short in ${JSON.stringify(values)}` : undefined) },
    )
    const result = await typed.parse({ items: [{ name: 'ok' }, { name: '1' }] })
    expect(result.value).toBeUndefined()
    expect(result.errors).toEqual([{ path: 'items[1].name', errors: ['items[1].name too short in {"items":[{"name":"ok"},{"name":"1"}]}', 'letters'] }])
  })

  it.each([
    [['email'], 'email'],
    [['a', 0, 'b'], 'a[0].b'],
    [[], ''],
  ])('toFormPath(%j) = %j', (path, expected) => {
    expect(toFormPath(path)).toBe(expected)
  })
})

describe('invitationChanges', () => {
  const current: NetworkInvitation = { id: 'nwi_1', created: 1, domain_id: retailer, email: 'a@example.com', fee_proposed: 2, expires: 2, status: 'pending' }
  it.each([
    ['nothing', { email: 'a@example.com', domain_id: retailer, fee_proposed: 2 }, true, {}],
    ['the email', { email: 'b@example.com', domain_id: retailer, fee_proposed: 2 }, true, { email: 'b@example.com' }],
    ['the fee', { email: 'a@example.com', domain_id: retailer, fee_proposed: 3 }, true, { fee_proposed: 3 }],
    ['a cleared fee', { email: 'a@example.com', domain_id: retailer }, true, { fee_proposed: null }],
    ['a cleared fee without monetization', { email: 'a@example.com', domain_id: retailer }, false, {}],
  ])('%s', (_, output, withFee, expected) => {
    expect(invitationChanges(current, output, withFee)).toEqual(expected)
  })

  it('a fee cleared that never existed sends nothing', () => {
    const { fee_proposed: _fee, ...noFee } = current
    expect(invitationChanges(noFee, { email: 'a@example.com', domain_id: retailer }, true)).toEqual({})
  })
})

describe('useInvitationForm', () => {
  it('exposes the mode, domains, selected domain and which fields to show', async () => {
    const { form, backend } = setupForm({ mock: { countries: false }, plugin: { monetization: false } })
    expect(form.mode.value).toBe('create')
    expect(form.domainsLoading.value).toBe(true)
    await loaded(form)
    expect(form.domains.value.map((d) => d.id)).toEqual([retailer, restaurant])
    expect(form.showCountry.value).toBe(false)
    expect(form.showFee.value).toBe(false)
    expect(form.allowed.value).toBe(true)
    expect(form.selectedDomain.value).toBeUndefined()
    fill(form, { domain_id: restaurant })
    expect(form.selectedDomain.value?.description).toBe(backend.domains().find((d) => d.id === restaurant)?.description)
  })

  it('walks idle -> submitting -> success, resets the values and describes the delivery', async () => {
    const onCreated = vi.fn()
    const { form, calls } = setupForm({ form: { onCreated } })
    await loaded(form)
    expect(form.status.value).toBe('idle')
    fill(form, { email: 'headless@example.com', domain_id: retailer, fee_proposed: '1.5', country_id: 'DE' })
    const pending = form.submit()
    expect(form.status.value).toBe('submitting')
    expect(form.isSubmitting.value).toBe(true)
    const invitation = await pending
    expect(invitation?.email).toBe('headless@example.com')
    expect(onCreated).toHaveBeenCalledWith(invitation)
    expect(form.status.value).toBe('success')
    expect(form.isSubmitting.value).toBe(false)
    expect(form.result.value).toEqual(invitation)
    expect(form.statusMessage.value).toBe(m.sent('headless@example.com'))
    expect(form.values).toEqual({ email: '', domain_id: '', country_id: '', fee_proposed: '' })
    expect(calls.calls.find((c) => c.operation === 'createInvitation')?.args).toEqual([
      { email: 'headless@example.com', domain_id: retailer, country_id: 'DE', fee_proposed: 1.5 },
    ])
    form.reset()
    expect(form.status.value).toBe('idle')
    expect(form.statusMessage.value).toBe('')
  })

  it('shares one request between concurrent submits', async () => {
    const { form, calls } = setupForm()
    await loaded(form)
    fill(form, { email: 'shared@example.com', domain_id: retailer })
    const results = await Promise.all([form.submit(), form.submit(), form.submit()])
    expect(calls.count('createInvitation')).toBe(1)
    expect(new Set(results.map((r) => r?.id)).size).toBe(1)
    expect(results[0]?.id).toMatch(/^nwi_/)
  })

  it('reports invalid fields in form order and sends nothing', async () => {
    const onInvalid = vi.fn()
    const { form, calls } = setupForm({ form: { onInvalid } })
    await loaded(form)
    fill(form, { email: 'nope', fee_proposed: 'abc' })
    expect(await form.submit()).toBeUndefined()
    expect(onInvalid).toHaveBeenCalledWith(['email', 'domain_id', 'fee_proposed'])
    expect(form.errors.value).toEqual({ email: m.errors.emailInvalid, domain_id: m.errors.domainRequired, fee_proposed: m.errors.feeNumber })
    expect(form.status.value).toBe('idle')
    expect(calls.count('createInvitation')).toBe(0)
  })

  it('uses overridden messages for validation', async () => {
    const { form } = setupForm({ plugin: { messages: { form: { errors: { emailRequired: 'Adresse requise.' } } } } })
    await loaded(form)
    await form.submit()
    await vi.waitFor(() => expect(form.fields.email.error.value).toBe('Adresse requise.'))
  })

  it('keeps values and describes a retryable failure, with the wait when the server gives one', async () => {
    const onError = vi.fn()
    const { form, backend } = setupForm({ form: { onError } })
    await loaded(form)
    backend.failNext({ status: 429, type: 'system', message: 'Too many requests.', retryAfter: 30 }, 'createInvitation')
    fill(form, { email: 'wait@example.com', domain_id: retailer })
    expect(await form.submit()).toBeUndefined()
    expect(form.status.value).toBe('error')
    expect(form.serverError.value?.retryable).toBe(true)
    expect(form.serverErrorMessage.value).toBe(`Too many requests. ${m.retryAfter(30)}`)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 429 }))
    expect(form.values.email).toBe('wait@example.com')
    expect(await form.submit()).toMatchObject({ email: 'wait@example.com' })
    expect(form.serverError.value).toBeNull()
    expect(form.serverErrorMessage.value).toBe('')
  })

  it('puts server field errors on their fields and reports them as invalid', async () => {
    const onInvalid = vi.fn()
    const { form, backend } = setupForm({ form: { onInvalid } })
    await loaded(form)
    backend.failNext({ status: 400, type: 'user', message: 'Some fields need your attention.', fields: { email: 'Taken.', fee_proposed: 'Too high for this partner.' } }, 'createInvitation')
    fill(form, { email: 'x@example.com', domain_id: retailer })
    await form.submit()
    expect(form.errors.value).toMatchObject({ email: 'Taken.', fee_proposed: 'Too high for this partner.' })
    expect(onInvalid).toHaveBeenCalledWith(['email', 'fee_proposed'])
    expect(form.serverErrorMessage.value).toBe('Some fields need your attention.')
  })

  it('is not allowed, and sends nothing, without createInvitation permission', async () => {
    const { form, calls } = setupForm({ plugin: { can: (action) => action !== 'createInvitation' } })
    await loaded(form)
    fill(form, { email: 'x@example.com', domain_id: retailer })
    expect(form.allowed.value).toBe(false)
    expect(await form.submit()).toBeUndefined()
    expect(calls.count('createInvitation')).toBe(0)
  })

  it('edit mode follows the invitation option and resets when another invitation is given', async () => {
    const mock = createMockAdapter()
    const first = await mock.createInvitation({ email: 'first@example.com', domain_id: retailer, fee_proposed: 1 })
    const second = await mock.createInvitation({ email: 'second@example.com', domain_id: restaurant })
    const invitation = shallowRef<NetworkInvitation | undefined>(first)
    const onUpdated = vi.fn()
    const form = withSetup(() => useInvitationForm({ invitation, onUpdated }), { adapter: mock })
    expect(form.mode.value).toBe('edit')
    expect(form.showCountry.value).toBe(false)
    expect(form.values).toMatchObject({ email: 'first@example.com', fee_proposed: 1 })
    fill(form, { fee_proposed: '' })
    const updated = await form.submit()
    expect(updated).toMatchObject({ id: first.id, email: 'first@example.com' })
    expect(updated?.fee_proposed).toBeUndefined()
    expect(onUpdated).toHaveBeenCalledWith(updated)
    expect(form.statusMessage.value).toBe(m.resent('first@example.com'))
    // The host passes the updated invitation back: the success status stays.
    invitation.value = updated
    await flushPromises()
    expect(form.status.value).toBe('success')
    invitation.value = second
    await flushPromises()
    expect(form.status.value).toBe('idle')
    expect(form.values).toMatchObject({ email: 'second@example.com', fee_proposed: '' })
    invitation.value = undefined
    await flushPromises()
    expect(form.mode.value).toBe('create')
    expect(form.values.email).toBe('')
  })

  it('can drive a custom template (no SFC)', async () => {
    const mock = createMockAdapter()
    const recorded = recordCalls(mock)
    const Custom = defineComponent({
      setup() {
        const form = useInvitationForm()
        const email = form.fields.email.model
        const domain = form.fields.domain_id.model
        return () =>
          h('form', { onSubmit: (e: Event) => void form.submit(e) }, [
            h('input', { 'aria-label': 'To', value: email.value, onInput: (e: Event) => (email.value = (e.target as HTMLInputElement).value) }),
            h('select', { 'aria-label': 'Kind', value: domain.value, onChange: (e: Event) => (domain.value = (e.target as HTMLSelectElement).value) }, [
              h('option', { value: '' }, '-'),
              ...form.domains.value.map((d) => h('option', { value: d.id }, d.title)),
            ]),
            h('output', form.statusMessage.value),
          ])
      },
    })
    wrapper = mount(Custom, { global: { plugins: [createAccountNetworks({ adapter: recorded.adapter })] } })
    await vi.waitFor(() => expect(wrapper?.findAll('option')).toHaveLength(3))
    await wrapper.find('input').setValue('custom@example.com')
    await wrapper.find('select').setValue(retailer)
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper?.find('output').text()).toBe(m.sent('custom@example.com')))
    expect(recorded.count('createInvitation')).toBe(1)
  })
})

describe('invitation mutations', () => {
  const page = (list: NetworkInvitation[]): RecordList<NetworkInvitation> => ({ list, total: list.length, search: '', filter: '', filters: [], pages: 1 })

  function setupMutations(adapter: NetworksAdapter) {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 0 } } })
    const result = withSetup(() => ({ create: useCreateInvitation(), update: useUpdateInvitation() }), { adapter, queryClient })
    return { ...result, queryClient }
  }

  it('create invalidates the cached invitation pages without blanking them', async () => {
    const mock = createMockAdapter()
    const { create, queryClient } = setupMutations(mock)
    const key = networkQueryKeys.invitations(mock, { page: 1 })
    const cached = page([])
    queryClient.setQueryData(key, cached)
    const otherKey = networkQueryKeys.networks(mock, { page: 1 })
    queryClient.setQueryData(otherKey, page([]))
    const invitation = await create.mutateAsync({ email: 'cache@example.com', domain_id: retailer })
    expect(invitation.email).toBe('cache@example.com')
    expect(queryClient.getQueryData(key)).toBe(cached)
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(otherKey)?.isInvalidated).toBe(false)
  })

  it('update patches the row in every cached page and marks them stale', async () => {
    const mock = createMockAdapter()
    const invitation = await mock.createInvitation({ email: 'before@example.com', domain_id: retailer })
    const other: NetworkInvitation = { ...invitation, id: 'nwi_other', email: 'other@example.com' }
    const { update, queryClient } = setupMutations(mock)
    const key = networkQueryKeys.invitations(mock, { page: 1 })
    queryClient.setQueryData(key, page([other, invitation]))
    const updated = await update.mutateAsync({ id: invitation.id, input: { email: 'after@example.com' } })
    expect(queryClient.getQueryData<RecordList<NetworkInvitation>>(key)?.list.map((row) => row.email)).toEqual(['other@example.com', 'after@example.com'])
    expect(queryClient.getQueryData<RecordList<NetworkInvitation>>(key)?.list[1]).toEqual(updated)
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true)
  })

  it('update rejects with reason unsupported when the adapter cannot update', async () => {
    const mock: MockAdapter = createMockAdapter()
    const { updateInvitation: _omit, ...rest } = mock
    const { update } = setupMutations(rest)
    expect(update.supported).toBe(false)
    await expect(update.mutateAsync({ id: 'nwi_1', input: {} })).rejects.toMatchObject({ name: 'NetworkApiError', reason: 'unsupported' })
  })

  it('a raw throw from an adapter becomes a NetworkApiError', async () => {
    const mock = createMockAdapter()
    const { create } = setupMutations({
      ...mock,
      createInvitation: () => {
        throw new TypeError('boom')
      },
    })
    await expect(create.mutateAsync({ email: 'x@example.com', domain_id: retailer })).rejects.toMatchObject({ name: 'NetworkApiError', status: 0, type: 'codebase' })
  })
})
