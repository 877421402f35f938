import { QueryClient } from '@tanstack/vue-query'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { isNetworkApiError, NetworkApiError } from '../../src/core/errors'
import { paginate, type ResolvedListQuery } from '../../src/core/list'
import type { RecordList } from '../../src/core/types'
import { useRecordList, type UseRecordListOptions, type UseRecordListReturn } from '../../src/composables/useRecordList'

interface Item {
  id: string
  name: string
  status: 'on' | 'off'
}

const ITEMS: Item[] = Array.from({ length: 42 }, (_, i) => ({ id: `it_${i + 1}`, name: `Item ${i + 1}`, status: i % 3 === 0 ? 'off' : 'on' }))

/** A server over ITEMS that records each query; `hold` makes answers wait until released. */
function createServer() {
  const queries: ResolvedListQuery[] = []
  let held: Array<() => void> | null = null
  const answer = (q: ResolvedListQuery): RecordList<Item> => {
    const rows = ITEMS.filter((i) => (q.filter === '' || i.status === q.filter) && i.name.toLowerCase().includes(q.search.toLowerCase()))
    return paginate(rows, q, ['on', 'off'])
  }
  return {
    queries,
    hold: () => {
      held = []
    },
    release: () => {
      const waiting = held ?? []
      held = null
      waiting.forEach((go) => go())
    },
    queryFn: (q: ResolvedListQuery) =>
      new Promise<RecordList<Item>>((resolve) => {
        queries.push(q)
        if (held) held.push(() => resolve(answer(q)))
        else resolve(answer(q))
      }),
  }
}

let unmount: (() => void) | undefined
afterEach(() => {
  unmount?.()
  unmount = undefined
  vi.useRealTimers()
})

function setup(options: Partial<UseRecordListOptions<Item>> = {}, server = createServer()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 0 } } })
  let list!: UseRecordListReturn<Item>
  const Host = defineComponent({
    setup() {
      list = useRecordList<Item>({ queryClient, queryKey: (q) => ['items', q], queryFn: server.queryFn, ...options })
      return () => h('div')
    },
  })
  const wrapper = mount(Host)
  unmount = () => wrapper.unmount()
  return { list, server, queryClient }
}

const pagesAsked = (queries: ResolvedListQuery[]) => queries.map((q) => q.page)

describe('useRecordList', () => {
  it('loads page 1, then prefetches page 2; visiting page 2 and returning to page 1 makes no request', async () => {
    const { list, server } = setup()
    expect(list.isLoading.value).toBe(true)
    await vi.waitFor(() => expect(list.rows.value).toHaveLength(25))
    await vi.waitFor(() => expect(pagesAsked(server.queries)).toEqual([1, 2]))
    expect(list.total.value).toBe(42)
    expect(list.pages.value).toBe(2)
    expect(list.isLoading.value).toBe(false)

    list.nextPage()
    await flushPromises()
    expect(list.page.value).toBe(2)
    expect(list.rows.value.map((r) => r.id)[0]).toBe('it_26')
    expect(list.rows.value).toHaveLength(17)
    list.previousPage()
    await flushPromises()
    expect(list.rows.value[0]?.id).toBe('it_1')
    expect(pagesAsked(server.queries)).toEqual([1, 2])
  })

  it('keeps the previous page on screen while the next one loads, flagged as refetching', async () => {
    const { list, server } = setup({ prefetch: false })
    await vi.waitFor(() => expect(list.rows.value).toHaveLength(25))
    server.hold()
    list.goToPage(2)
    await vi.waitFor(() => expect(list.isRefetching.value).toBe(true))
    expect(list.isPlaceholderData.value).toBe(true)
    expect(list.rows.value[0]?.id).toBe('it_1')
    expect(list.isLoading.value).toBe(false)
    server.release()
    await vi.waitFor(() => expect(list.rows.value[0]?.id).toBe('it_26'))
    expect(list.isRefetching.value).toBe(false)
  })

  it('debounces the search: five quick keystrokes make one request after 300 ms, back on page 1', async () => {
    const { list, server } = setup({ prefetch: false })
    await vi.waitFor(() => expect(list.rows.value).toHaveLength(25))
    list.goToPage(2)
    await vi.waitFor(() => expect(server.queries).toHaveLength(2))

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    for (const text of ['I', 'It', 'Ite', 'Item', 'Item 4']) {
      list.search.value = text
      await nextTick()
      await vi.advanceTimersByTimeAsync(50)
    }
    await vi.advanceTimersByTimeAsync(249)
    expect(server.queries).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    vi.useRealTimers()
    await vi.waitFor(() => expect(server.queries).toHaveLength(3))
    expect(server.queries[2]).toEqual({ search: 'Item 4', filter: '', page: 1, records: 25 })
    expect(list.page.value).toBe(1)
    await vi.waitFor(() => expect(list.rows.value.map((r) => r.name)).toEqual(['Item 4', 'Item 40', 'Item 41', 'Item 42']))
  })

  it('applies a search at once with applySearch and ignores whitespace-only changes', async () => {
    const { list, server } = setup({ prefetch: false })
    await vi.waitFor(() => expect(server.queries).toHaveLength(1))
    list.search.value = '   '
    list.applySearch()
    await flushPromises()
    expect(server.queries).toHaveLength(1)
    list.search.value = ' Item 7 '
    list.applySearch()
    await vi.waitFor(() => expect(server.queries).toHaveLength(2))
    expect(server.queries[1]?.search).toBe('Item 7')
  })

  it.each([
    ['filter', (l: UseRecordListReturn<Item>) => (l.filter.value = 'off'), { filter: 'off', records: 25 }],
    ['page size', (l: UseRecordListReturn<Item>) => (l.records.value = 10), { filter: '', records: 10 }],
  ])('goes back to page 1 when the %s changes', async (_name, change, expected) => {
    const { list, server } = setup({ prefetch: false })
    await vi.waitFor(() => expect(list.rows.value).toHaveLength(25))
    list.goToPage(2)
    await vi.waitFor(() => expect(server.queries).toHaveLength(2))
    change(list)
    await vi.waitFor(() => expect(server.queries).toHaveLength(3))
    expect(server.queries[2]).toEqual({ search: '', page: 1, ...expected })
    expect(list.page.value).toBe(1)
    expect(list.hasCriteria.value).toBe(expected.filter !== '')
  })

  it('clearCriteria resets search and filter in one request', async () => {
    const { list, server } = setup({ prefetch: false, search: 'Item 1', filter: 'on' })
    await vi.waitFor(() => expect(server.queries).toHaveLength(1))
    expect(list.hasCriteria.value).toBe(true)
    list.clearCriteria()
    await vi.waitFor(() => expect(server.queries).toHaveLength(2))
    expect(server.queries[1]).toEqual({ search: '', filter: '', page: 1, records: 25 })
    expect(list.hasCriteria.value).toBe(false)
  })

  it('normalises any failure to a NetworkApiError and recovers on refetch', async () => {
    let fail = true
    const server = createServer()
    const { list } = setup({
      prefetch: false,
      queryFn: (q) => (fail ? Promise.reject(new TypeError('x is undefined')) : server.queryFn(q)),
    })
    await vi.waitFor(() => expect(list.error.value).not.toBeNull())
    expect(isNetworkApiError(list.error.value)).toBe(true)
    expect(list.error.value?.message).not.toContain('undefined')
    expect(list.isLoading.value).toBe(false)
    fail = false
    await list.refetch()
    await vi.waitFor(() => expect(list.rows.value).toHaveLength(25))
    expect(list.error.value).toBeNull()
  })

  it('passes a NetworkApiError through unchanged', async () => {
    const error = new NetworkApiError({ status: 429, type: 'user', message: 'Slow down.' })
    const { list } = setup({ queryFn: () => Promise.reject(error) })
    await vi.waitFor(() => expect(list.error.value).toBe(error))
  })

  it('requests nothing while disabled', async () => {
    const { list, server } = setup({ enabled: false })
    await flushPromises()
    expect(server.queries).toHaveLength(0)
    expect(list.isLoading.value).toBe(false)
    expect(list.rows.value).toEqual([])
  })

  it('moves back to the last page when the page is past the end', async () => {
    const { list, server } = setup({ prefetch: false, page: undefined })
    await vi.waitFor(() => expect(list.rows.value).toHaveLength(25))
    list.page.value = 9
    await vi.waitFor(() => expect(list.page.value).toBe(2))
    await vi.waitFor(() => expect(list.rows.value[0]?.id).toBe('it_26'))
    expect(pagesAsked(server.queries)).toContain(9)
  })

  it('goToPage clamps to the pages that exist', async () => {
    const { list } = setup({ prefetch: false })
    await vi.waitFor(() => expect(list.pages.value).toBe(2))
    list.goToPage(0)
    expect(list.page.value).toBe(1)
    list.goToPage(7)
    expect(list.page.value).toBe(2)
    list.goToPage(Number.NaN)
    expect(list.page.value).toBe(1)
  })
  it('prefetches the next page once per page: an invalidation refetches the page on screen only', async () => {
    const { list, server, queryClient } = setup()
    await vi.waitFor(() => expect(pagesAsked(server.queries)).toEqual([1, 2]))
    await flushPromises()
    // What a create/edit/delete does: every page of the list is invalidated; only the active one refetches.
    await queryClient.invalidateQueries({ queryKey: ['items'], refetchType: 'active' })
    await flushPromises()
    expect(pagesAsked(server.queries)).toEqual([1, 2, 1])
    // An optimistic patch of the page on screen does not prefetch either.
    queryClient.setQueryData<RecordList<Item>>(['items', list.query.value], (old) => (old ? { ...old, list: old.list.slice(1) } : old))
    await flushPromises()
    expect(pagesAsked(server.queries)).toEqual([1, 2, 1])
    // The stale next page is fetched fresh when visited (once), then page 3 does not exist: nothing more.
    list.nextPage()
    await vi.waitFor(() => expect(list.rows.value[0]?.id).toBe('it_26'))
    await flushPromises()
    expect(pagesAsked(server.queries)).toEqual([1, 2, 1, 2])
  })

  it('going back to a page prefetches its next page again only when that one is not fresh', async () => {
    const { list, server } = setup({ records: 10 })
    await vi.waitFor(() => expect(pagesAsked(server.queries)).toEqual([1, 2]))
    list.nextPage()
    await vi.waitFor(() => expect(pagesAsked(server.queries)).toEqual([1, 2, 3]))
    list.previousPage()
    await flushPromises()
    expect(list.rows.value[0]?.id).toBe('it_1')
    expect(pagesAsked(server.queries)).toEqual([1, 2, 3])
  })

  it.each([
    ['with rowKey, a row that moved keeps its object', true, 24],
    ['without rowKey, sharing is by position: every row after the removed one is a new object', false, 0],
  ])('%s (a row removed from the cached page)', async (_name, keyed, kept) => {
    const { list, queryClient } = setup(keyed ? { rowKey: (row) => row.id } : {})
    await vi.waitFor(() => expect(list.rows.value).toHaveLength(25))
    const before = list.rows.value
    // What an optimistic delete does: the first row leaves the cached page.
    queryClient.setQueriesData<RecordList<Item>>({ queryKey: ['items'] }, (old) => old && { ...old, list: old.list.slice(1) })
    await flushPromises()
    const after = list.rows.value
    expect(after.map((row) => row.id)).toEqual(before.slice(1).map((row) => row.id))
    expect(after.filter((row) => before.includes(row))).toHaveLength(kept)
  })

  it('with rowKey, a refetch that returns equal rows keeps the page object; a changed row gets a new object', async () => {
    const server = createServer()
    let renamed = false
    // Fresh copies on every answer, as a real server's JSON would be.
    const queryFn = async (q: ResolvedListQuery) => {
      const page = await server.queryFn(q)
      return { ...page, list: page.list.map((row) => ({ ...row, name: renamed && row.id === 'it_2' ? 'Item two, renamed' : row.name })) }
    }
    const { list, queryClient } = setup({ rowKey: (row) => row.id, queryFn }, server)
    await vi.waitFor(() => expect(list.rows.value).toHaveLength(25))
    const page = list.data.value
    await queryClient.refetchQueries({ queryKey: ['items'], type: 'active' })
    expect(list.data.value).toBe(page)
    renamed = true
    await queryClient.refetchQueries({ queryKey: ['items'], type: 'active' })
    expect(list.rows.value[1]?.name).toBe('Item two, renamed')
    expect(list.rows.value[1]).not.toBe(page?.list[1])
    expect(list.rows.value[0]).toBe(page?.list[0])
  })
})
