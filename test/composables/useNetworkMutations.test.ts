import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMockAdapter } from '../../src/adapters/mock'
import type { NetworksAdapter } from '../../src/core/adapter'
import type { ListQuery, Network, NetworkInvitation } from '../../src/core/types'
import {
  useDeleteInvitation,
  useDeleteNetwork,
  type RowActionOutcome,
  type UseDeleteReturn,
} from '../../src/composables/useNetworkMutations'
import { useInvitationsList } from '../../src/composables/useInvitationsList'
import { useNetworksList } from '../../src/composables/useNetworksList'
import type { UseRecordListReturn } from '../../src/composables/useRecordList'
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

/** A list and its row delete, by the few things that differ between the invitations and the networks. */
interface DeleteCase<Row> {
  area: string
  useList: (options: { adapter: NetworksAdapter }) => UseRecordListReturn<Row>
  useDelete: (options: { adapter: NetworksAdapter }) => Pick<UseDeleteReturn<Row, unknown>, 'run'>
  /** The row's id, as the delete sends it. */
  id: (row: Row) => string
  /** The adapter operations whose answers are gated. */
  deleteOp: 'deleteInvitation' | 'deleteNetwork'
  listOp: 'listInvitations' | 'listNetworks'
}

/**
 * Two row deletes whose server answers and list refreshes are gated: the second delete reaches the server while
 * the refresh after the first is on its way.
 */
async function twoDeletesDuringARefresh<Row>(c: DeleteCase<Row>): Promise<void> {
  const server = createMockAdapter({ latency: 0 })
  const deletes = createGate()
  // Lists answer at once until the deletes start.
  const lists = createGate(false, true)
  // Either area's operation: its answer passes through untouched, whatever its type.
  const adapter: NetworksAdapter = {
    ...server,
    [c.deleteOp]: deletes.hold((id: string): Promise<unknown> => server[c.deleteOp]!(id)),
    [c.listOp]: lists.hold((query: ListQuery): Promise<unknown> => server[c.listOp]!(query)),
  }
  let list!: UseRecordListReturn<Row>
  let remover!: Pick<UseDeleteReturn<Row, unknown>, 'run'>
  const Host = defineComponent({
    setup() {
      list = c.useList({ adapter })
      remover = c.useDelete({ adapter })
      return () => h('div')
    },
  })
  const wrapper = mount(Host, { global: { plugins: [createAccountNetworks({ adapter })] } })
  unmount = () => wrapper.unmount()
  const ids = () => list.rows.value.map(c.id)
  await vi.waitFor(() => expect(ids().length).toBeGreaterThan(2))
  const [first, second] = list.rows.value.slice(0, 2)
  const [firstId, secondId] = ids().slice(0, 2)
  const before = lists.calls
  lists.active = true

  const outcomes: Array<Promise<RowActionOutcome<unknown>>> = [remover.run(first!), remover.run(second!)]
  await flushPromises()
  expect(ids()).not.toContain(firstId)
  expect(ids()).not.toContain(secondId)

  // The first delete is done: its refresh asks the server, which still has the second row.
  deletes.release()
  await vi.waitFor(() => expect(lists.size).toBe(1))
  // The second delete is done while that refresh is on its way.
  deletes.release()
  await Promise.all(outcomes)
  await flushPromises()
  lists.release(true)
  await flushPromises()
  await vi.waitFor(() => expect(list.isFetching.value).toBe(false))

  expect(ids()).not.toContain(firstId)
  expect(ids()).not.toContain(secondId)
  // One refresh per delete at most.
  expect(lists.calls - before).toBeLessThanOrEqual(2)
}

/** Each case with its row type bound, so the two can share one `it.each`. */
const forRows = <Row>(c: DeleteCase<Row>) => ({ area: c.area, run: () => twoDeletesDuringARefresh(c) })

const CASES = [
  forRows<NetworkInvitation>({
    area: 'invitations',
    useList: useInvitationsList,
    useDelete: useDeleteInvitation,
    id: (row) => row.id,
    deleteOp: 'deleteInvitation',
    listOp: 'listInvitations',
  }),
  forRows<Network>({
    area: 'networks',
    useList: useNetworksList,
    useDelete: useDeleteNetwork,
    id: (row) => row.account_id,
    deleteOp: 'deleteNetwork',
    listOp: 'listNetworks',
  }),
]

describe('row deletes and the list refresh that follows', () => {
  it.each(CASES)('$area: a refresh that started before the second delete reached the server does not bring its row back', ({ run }) => run())
})
