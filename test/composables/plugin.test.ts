import { QueryClient, VueQueryPlugin, useQuery } from '@tanstack/vue-query'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { NetworksAdapter } from '../../src/core/adapter'
import { NetworkApiError } from '../../src/core/errors'
import {
  MISSING_ADAPTER_MESSAGE,
  createAccountNetworks,
  describeError,
  networkQueryKeys,
  resolveAccessPolicy,
  resolveMessages,
  useNetworkDomains,
  useNetworks,
} from '../../src'
import { recordCalls } from '../helpers/record-calls'

function stubAdapter(): NetworksAdapter {
  return {
    name: 'stub',
    listNetworkDomains: async () => [{ id: 'dom_a', title: 'Retail store', description: 'Shops' }],
    createInvitation: async () => {
      throw new NetworkApiError({ status: 500, type: 'system', message: 'nope' })
    },
    listInvitations: async () => ({ list: [], total: 0, search: '', filter: '', filters: [], pages: 0 }),
    activateInvitation: async () => ({ account_id: 'a', user_id: 'u', domain_id: 'd', version_id: 'v' }),
  }
}

const DomainsList = defineComponent({
  props: { adapter: { type: Object as () => NetworksAdapter, required: false } },
  setup(props) {
    const { domains } = useNetworkDomains({ adapter: () => props.adapter })
    return () => h('ul', domains.value.map((d) => h('li', d.title)))
  },
})

describe('plugin and context', () => {
  it('throws one clear error naming the fix when there is neither plugin nor adapter prop', () => {
    const Probe = defineComponent({
      setup() {
        useNetworks()
        return () => null
      },
    })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(() => mount(Probe)).toThrow(MISSING_ADAPTER_MESSAGE)
    warn.mockRestore()
    expect(MISSING_ADAPTER_MESSAGE).toContain('createAccountNetworks')
    expect(MISSING_ADAPTER_MESSAGE).toContain('adapter')
  })

  it('works with only an adapter prop (no plugin)', async () => {
    const wrapper = mount(DomainsList, { props: { adapter: stubAdapter() } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Retail store'))
  })

  it('fetches domains once for every component on the page', async () => {
    const { adapter, count } = recordCalls(stubAdapter())
    const Page = defineComponent(() => () => h('div', [h(DomainsList), h(DomainsList), h(DomainsList)]))
    const wrapper = mount(Page, { global: { plugins: [createAccountNetworks({ adapter })] } })
    await vi.waitFor(() => expect(wrapper.findAll('li')).toHaveLength(3))
    expect(count('listNetworkDomains')).toBe(1)
  })

  it('a local adapter prop overrides the plugin adapter and keeps a separate cache', async () => {
    const a = recordCalls(stubAdapter())
    const b = recordCalls({ ...stubAdapter(), listNetworkDomains: async () => [{ id: 'dom_b', title: 'Agency', description: '' }] })
    const Page = defineComponent(() => () => h('div', [h(DomainsList), h(DomainsList, { adapter: b.adapter })]))
    const wrapper = mount(Page, { global: { plugins: [createAccountNetworks({ adapter: a.adapter })] } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Agency'))
    expect(wrapper.text()).toContain('Retail store')
    expect([a.count('listNetworkDomains'), b.count('listNetworkDomains')]).toEqual([1, 1])
  })

  it("runs on a host's own QueryClient under namespaced keys, beside the host's queries", async () => {
    const host = new QueryClient()
    const Host = defineComponent(() => {
      const q = useQuery({ queryKey: ['domains'], queryFn: async () => 'host data' })
      return () => h('div', [h('p', String(q.data.value ?? '')), h(DomainsList)])
    })
    const { adapter } = recordCalls(stubAdapter())
    const wrapper = mount(Host, {
      global: { plugins: [[VueQueryPlugin, { queryClient: host }], createAccountNetworks({ adapter, queryClient: host })] },
    })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Retail store'))
    expect(wrapper.text()).toContain('host data')
    const keys = host.getQueryCache().getAll().map((q) => q.queryKey[0])
    expect(keys).toEqual(expect.arrayContaining(['domains', 'vue-account-networks']))
    expect(host.getQueryData(networkQueryKeys.domains(adapter))).toEqual([{ id: 'dom_a', title: 'Retail store', description: 'Shops' }])
  })

  it('exported keys let a host invalidate every list of the library', async () => {
    const client = new QueryClient()
    const { adapter, count } = recordCalls(stubAdapter())
    const wrapper = mount(DomainsList, { global: { plugins: [createAccountNetworks({ adapter, queryClient: client })] } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Retail store'))
    await client.invalidateQueries({ queryKey: networkQueryKeys.all })
    await flushPromises()
    expect(count('listNetworkDomains')).toBe(2)
  })
})

describe('access policy', () => {
  const access = { 'account-networks': 'cr', 'account-network': 'r', 'account-network-invitations': 'd' }
  it.each([
    ['createInvitation', true],
    ['listInvitations', true],
    ['deleteInvitation', true],
    ['updateInvitation', true],
    ['deleteNetwork', false],
    ['updateNetwork', false],
    ['listNetworks', true],
    ['activateInvitation', true],
  ] as const)('access strings: %s is %s', (action, allowed) => {
    expect(resolveAccessPolicy({ access })(action)).toBe(allowed)
  })

  it('allows everything without a policy, and takes a predicate or rule overrides', () => {
    expect(resolveAccessPolicy(undefined)('deleteNetwork')).toBe(true)
    expect(resolveAccessPolicy((a) => a === 'listNetworks')('deleteNetwork')).toBe(false)
    expect(resolveAccessPolicy({ access: { custom: 'x' }, rules: { deleteNetwork: 'custom:x' } })('deleteNetwork')).toBe(true)
  })

  it('reads a changing access map through a getter', () => {
    let map: Record<string, string> = {}
    const can = resolveAccessPolicy({ access: () => map })
    expect(can('deleteNetwork')).toBe(false)
    map = { 'account-network': 'd' }
    expect(can('deleteNetwork')).toBe(true)
  })
})

describe('messages and errors', () => {
  it('overrides one key and keeps the rest', () => {
    const messages = resolveMessages({ common: { retry: 'Nochmal' } })
    expect(messages.common.retry).toBe('Nochmal')
    expect(messages.common.cancel).toBe('Cancel')
    expect(messages.common.status.pending).toBe('Pending')
  })

  it.each([
    [new NetworkApiError({ status: 401, type: 'user', message: 'x' }), 'Your session has ended', false, true],
    [new NetworkApiError({ status: 403, type: 'user', message: 'x' }), "don't have access", false, true],
    [new NetworkApiError({ status: 429, type: 'user', message: 'Slow down.' }), 'Slow down.', true, false],
    [new NetworkApiError({ status: 0, type: 'network', message: 'Offline.' }), 'Offline.', true, false],
    [new TypeError('x is undefined'), 'Something went wrong', false, false],
  ])('describes %o', (error, text, retryable, noAccess) => {
    const described = describeError(error, resolveMessages())
    expect(described.message).toContain(text)
    expect(described.retryable).toBe(retryable)
    expect(described.noAccess).toBe(noAccess)
  })
})
