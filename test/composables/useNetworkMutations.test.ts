import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMockAdapter } from '../../src/adapters/mock'
import type { NetworksAdapter } from '../../src/core/adapter'
import type { ListQuery, Network, NetworkInvitation } from '../../src/core/types'
import { useDeleteInvitation, useDeleteNetwork, type RowActionOutcome } from '../../src/composables/useNetworkMutations'
import { useInvitationsList } from '../../src/composables/useInvitationsList'
import { useNetworksList } from '../../src/composables/useNetworksList'
import { createAccountNetworks } from '../../src/plugin'

/**
 * Calls that wait until released, in call order. `gate.hold(fn)` returns a call that resolves only on `release()`;
 * it runs `fn` then, or with `early` at once (so a list reads the server as it is when requested).
 */
function createGate(active = true, early = false) {
  let waiting: Array<() => void> = []
  return {
    /** While false, calls answer at once. */
    active,
    /** Calls made, held or not. */
    calls: 0,
    get size() {
      return waiting.length
    },
    hold<A extends unknown[], T>(fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
      return (...args) => {
        this.calls++
        if (!this.active) return fn(...args)
        const answer = early ? fn(...args) : undefined
        return new Promise<T>((resolve, reject) => waiting.push(() => (answer ?? fn(...args)).then(resolve, reject)))
      }
    },
    /** Releases the first waiting call (or all with `all`). */
    release(all = false) {
      const go = all ? waiting : waiting.slice(0, 1)
      waiting = all ? [] : waiting.slice(1)
      go.forEach((fn) => fn())
    },
  }
}

let unmount: (() => void) | undefined
afterEach(() => {
  unmount?.()
  unmount = undefined
})

/** Two row deletes whose server answers and list refreshes are gated, on the invitations or the networks list. */
const CASES = [
  {
    area: 'invitations',
    setup(adapter: NetworksAdapter) {
      const list = useInvitationsList({ adapter })
      const remover = useDeleteInvitation({ adapter })
      return { rows: () => (list.rows.value as NetworkInvitation[]).map((row) => row.id), remove: (row: unknown) => remover.run(row as NetworkInvitation), list }
    },
    gate: (adapter: NetworksAdapter, deletes: ReturnType<typeof createGate>, lists: ReturnType<typeof createGate>) => ({
      ...adapter,
      deleteInvitation: deletes.hold((id: string) => adapter.deleteInvitation!(id)),
      listInvitations: lists.hold((query: ListQuery) => adapter.listInvitations(query)),
    }),
  },
  {
    area: 'networks',
    setup(adapter: NetworksAdapter) {
      const list = useNetworksList({ adapter })
      const remover = useDeleteNetwork({ adapter })
      return { rows: () => (list.rows.value as Network[]).map((row) => row.account_id), remove: (row: unknown) => remover.run(row as Network), list }
    },
    gate: (adapter: NetworksAdapter, deletes: ReturnType<typeof createGate>, lists: ReturnType<typeof createGate>) => ({
      ...adapter,
      deleteNetwork: deletes.hold((id: string) => adapter.deleteNetwork!(id)),
      listNetworks: lists.hold((query: ListQuery) => adapter.listNetworks!(query)),
    }),
  },
] as const

describe('row deletes and the list refresh that follows', () => {
  it.each(CASES)('$area: a refresh that started before the second delete reached the server does not bring its row back', async (c) => {
    const mockAdapter = createMockAdapter({ latency: 0 })
    const deletes = createGate()
    // Lists answer at once until the deletes start.
    const lists = createGate(false, true)
    const adapter: NetworksAdapter = c.gate(mockAdapter, deletes, lists)
    let view!: ReturnType<(typeof CASES)[number]['setup']>
    const Host = defineComponent({
      setup() {
        view = c.setup(adapter)
        return () => h('div')
      },
    })
    const wrapper = mount(Host, { global: { plugins: [createAccountNetworks({ adapter })] } })
    unmount = () => wrapper.unmount()
    await vi.waitFor(() => expect(view.rows().length).toBeGreaterThan(2))
    const [first, second] = (view.list.rows.value as unknown[]).slice(0, 2)
    const [firstId, secondId] = view.rows().slice(0, 2)
    const before = lists.calls
    lists.active = true

    const outcomes: Array<Promise<RowActionOutcome<unknown>>> = [view.remove(first), view.remove(second)]
    await flushPromises()
    expect(view.rows()).not.toContain(firstId)
    expect(view.rows()).not.toContain(secondId)

    // The first delete is done: its refresh asks the server, which still has the second row.
    deletes.release()
    await vi.waitFor(() => expect(lists.size).toBe(1))
    // The second delete is done while that refresh is on its way.
    deletes.release()
    await Promise.all(outcomes)
    await flushPromises()
    lists.release(true)
    await flushPromises()
    await vi.waitFor(() => expect(view.list.isFetching.value).toBe(false))

    expect(view.rows()).not.toContain(firstId)
    expect(view.rows()).not.toContain(secondId)
    // One refresh per delete at most.
    expect(lists.calls - before).toBeLessThanOrEqual(2)
  })
})
