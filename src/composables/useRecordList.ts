import { hashKey, keepPreviousData, replaceEqualDeep, useQuery, type QueryClient, type QueryKey } from '@tanstack/vue-query'
import {
  computed,
  onScopeDispose,
  shallowRef,
  toValue,
  watch,
  type ComputedRef,
  type MaybeRefOrGetter,
  type Ref,
} from 'vue'
import type { NetworkApiError } from '../core/errors'
import type { ResolvedListQuery } from '../core/list'
import { DEFAULT_RECORDS, MAX_RECORDS, type RecordList } from '../core/types'
import { callAdapter } from './context'

/** Page sizes offered by the list toolbar. */
export const PAGE_SIZES: readonly number[] = [10, 25, 50, 100]

/** Default search debounce in milliseconds. */
export const DEFAULT_SEARCH_DEBOUNCE = 300

/** Options of `useRecordList`. */
export interface UseRecordListOptions<T> {
  /** The QueryClient the list runs on (always explicit: never the host's implicit one). */
  queryClient: QueryClient
  /** The cache key of one page. */
  queryKey: (query: ResolvedListQuery) => QueryKey
  /** Fetches one page. Anything it rejects with is normalised to a `NetworkApiError`. */
  queryFn: (query: ResolvedListQuery) => Promise<RecordList<T>>
  /** Whether to fetch at all (e.g. false without access). @defaultValue true */
  enabled?: MaybeRefOrGetter<boolean>
  /** Milliseconds between the last keystroke and the search being applied. @defaultValue 300 */
  debounce?: MaybeRefOrGetter<number>
  /** Initial page size. @defaultValue 25 */
  records?: number
  /** Initial search. @defaultValue '' */
  search?: string
  /** Initial filter. @defaultValue '' */
  filter?: string
  /** A ref to hold the page (e.g. a component's `v-model:page`); a private one otherwise. */
  page?: Ref<number>
  /** How long a fetched page counts as fresh (no request when revisited). @defaultValue 30000 */
  staleTime?: number
  /** Whether to prefetch the next page once a page has loaded. @defaultValue true */
  prefetch?: MaybeRefOrGetter<boolean>
  /**
   * A row's identity across fetches. With it, a page that comes back (refetched, or edited in the cache after a
   * delete or a create) keeps the objects of its unchanged rows even when they moved, so their table rows skip
   * re-rendering. @defaultValue none: vue-query's structural sharing, which matches rows by position
   */
  rowKey?: (row: T) => string
}

/**
 * Structural sharing for a page that matches rows by `rowKey` instead of by position: a row equal to a cached one
 * keeps the cached object, and an unchanged page keeps its objects, as vue-query's sharing does for the rest.
 */
function sharePageByRowKey<T>(rowKey: (row: T) => string) {
  return (previous: unknown, next: unknown): unknown => {
    const prev = previous as RecordList<T> | undefined
    const page = next as RecordList<T> | undefined
    if (!Array.isArray(prev?.list) || !Array.isArray(page?.list)) return replaceEqualDeep(previous, next)
    const cached = new Map(prev.list.map((row) => [rowKey(row), row]))
    const list = page.list.map((row) => {
      const old = cached.get(rowKey(row))
      return old === undefined ? row : (replaceEqualDeep(old, row) as T)
    })
    // The rest of the page (total, filters...) as vue-query shares it: `prev` itself when nothing changed.
    const shared = replaceEqualDeep(prev, { ...page, list: prev.list })
    return list.length === prev.list.length && list.every((row, i) => row === prev.list[i]) ? shared : { ...shared, list }
  }
}

/** Return of `useRecordList`. */
export interface UseRecordListReturn<T> {
  /** The search as typed (bind it to the input); applied after the debounce. */
  search: Ref<string>
  /** The search the list was last asked for (trimmed, debounced). */
  appliedSearch: Readonly<Ref<string>>
  /** The filter value, `''` for all. Changing it goes back to page 1. */
  filter: Ref<string>
  /** The 1-based page. */
  page: Ref<number>
  /** The page size. Changing it goes back to page 1. */
  records: Ref<number>
  /** The query of the page on screen. */
  query: ComputedRef<ResolvedListQuery>
  /** The page on screen: while the next loads, the previous one. */
  data: ComputedRef<RecordList<T> | undefined>
  /** The rows on screen. */
  rows: ComputedRef<T[]>
  /** Rows matching search and filter over all pages. */
  total: ComputedRef<number>
  /** Number of pages. */
  pages: ComputedRef<number>
  /** Filter values the server offers. */
  filters: ComputedRef<string[]>
  /** True when a search or a filter is applied. */
  hasCriteria: ComputedRef<boolean>
  /** True while there is nothing to show yet (first load). */
  isLoading: ComputedRef<boolean>
  /** True while any request for the list is running. */
  isFetching: ComputedRef<boolean>
  /** True while rows are shown and newer ones load (next page, refresh): a quiet indicator. */
  isRefetching: ComputedRef<boolean>
  /** True while the rows shown belong to the previous query. */
  isPlaceholderData: ComputedRef<boolean>
  /** The last error of the page on screen. */
  error: ComputedRef<NetworkApiError | null>
  /** Applies the typed search now, skipping the debounce. */
  applySearch: () => void
  /** Clears search and filter (and goes back to page 1). */
  clearCriteria: () => void
  /** Goes to a page (clamped to 1..pages). */
  goToPage: (page: number) => void
  /** Goes to the next page, if any. */
  nextPage: () => void
  /** Goes to the previous page, if any. */
  previousPage: () => void
  /** Fetches the page on screen again. */
  refetch: () => Promise<void>
}

function clampRecords(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_RECORDS
  return Math.min(MAX_RECORDS, Math.max(1, Math.trunc(value)))
}

/**
 * Generic state of a server-side record list: debounced search, filter, page and page size, the current page
 * through vue-query (the previous page stays on screen while the next loads), and a prefetch of the next page.
 * Search, filter and page-size changes go back to page 1.
 */
export function useRecordList<T>(options: UseRecordListOptions<T>): UseRecordListReturn<T> {
  const { queryClient, queryKey } = options
  const staleTime = options.staleTime ?? 30_000
  const search = shallowRef(options.search ?? '')
  const appliedSearch = shallowRef(search.value.trim())
  const filter = shallowRef(options.filter ?? '')
  const page = options.page ?? shallowRef(1)
  const records = shallowRef(clampRecords(options.records ?? DEFAULT_RECORDS))
  if (!Number.isInteger(page.value) || page.value < 1) page.value = 1

  let timer: ReturnType<typeof setTimeout> | undefined
  const applySearch = () => {
    clearTimeout(timer)
    appliedSearch.value = search.value.trim()
  }
  watch(search, (value) => {
    clearTimeout(timer)
    if (value.trim() === appliedSearch.value) return
    const delay = toValue(options.debounce) ?? DEFAULT_SEARCH_DEBOUNCE
    if (delay > 0) timer = setTimeout(applySearch, delay)
    else applySearch()
  })
  // Outside a component or scope there is nothing to dispose with: no warning then.
  onScopeDispose(() => clearTimeout(timer), true)

  // Synchronous, so the query key never combines a new search with an old page.
  watch([appliedSearch, filter, records], () => {
    page.value = 1
  }, { flush: 'sync' })

  const query = computed<ResolvedListQuery>(() => ({
    search: appliedSearch.value,
    filter: filter.value,
    page: Math.max(1, Math.trunc(page.value) || 1),
    records: clampRecords(records.value),
  }))

  const fetchPage = (q: ResolvedListQuery) => callAdapter(() => options.queryFn(q))

  const enabled = computed(() => toValue(options.enabled) ?? true)

  const structuralSharing = options.rowKey ? sharePageByRowKey(options.rowKey) : true

  const result = useQuery<RecordList<T>, NetworkApiError>(
    () => {
      const q = query.value
      return {
        queryKey: queryKey(q),
        queryFn: () => fetchPage(q),
        enabled: enabled.value,
        placeholderData: keepPreviousData,
        staleTime,
        structuralSharing,
        // Pages are replaced whole, never mutated: no deep proxies over every row (cheaper reads and renders).
        shallow: true,
      }
    },
    queryClient,
  )
  const data = computed(() => result.data.value)
  const isPlaceholderData = computed(() => result.isPlaceholderData.value)
  const pages = computed(() => data.value?.pages ?? 0)

  // Once a page's own data is on screen (not the previous page kept while it loads): a page past the end (after
  // deletions or a smaller total) moves to the last page; otherwise the next page is prefetched, once per page
  // shown. Later changes of the same page's data (an invalidation refetch after a create, edit or delete; an
  // optimistic patch) do not prefetch again: the invalidation marked the cached next page stale, so it is fetched
  // fresh when visited instead of twice (once now, once then). Remembering only the last key keeps 1 → 2 → 1
  // cheap: coming back to page 1 prefetches page 2 again, which costs nothing while it is fresh.
  let prefetchedFor: string | undefined
  watch(
    [data, isPlaceholderData, query, enabled],
    () => {
      const shown = data.value
      if (!shown || isPlaceholderData.value) return
      if (shown.pages > 0 && page.value > shown.pages) {
        page.value = shown.pages
        return
      }
      const q = query.value
      const key = hashKey(queryKey(q))
      if (!enabled.value || !(toValue(options.prefetch) ?? true) || key === prefetchedFor) return
      prefetchedFor = key
      if (q.page >= shown.pages) return
      const next: ResolvedListQuery = { ...q, page: q.page + 1 }
      void queryClient.prefetchQuery({ queryKey: queryKey(next), queryFn: () => fetchPage(next), staleTime, structuralSharing })
    },
    { immediate: true },
  )

  const goToPage = (target: number) => {
    const last = Math.max(1, pages.value)
    page.value = Math.min(last, Math.max(1, Math.trunc(target) || 1))
  }

  return {
    search,
    appliedSearch,
    filter,
    page,
    records,
    query,
    data,
    rows: computed(() => data.value?.list ?? []),
    total: computed(() => data.value?.total ?? 0),
    pages,
    filters: computed(() => data.value?.filters ?? []),
    hasCriteria: computed(() => !!(appliedSearch.value || search.value.trim() || filter.value)),
    isLoading: computed(() => enabled.value && !data.value && (result.isPending.value || result.isFetching.value)),
    isFetching: computed(() => result.isFetching.value),
    isRefetching: computed(() => !!data.value && result.isFetching.value),
    isPlaceholderData,
    error: computed(() => (result.isFetching.value && !data.value ? null : result.error.value)),
    applySearch,
    clearCriteria: () => {
      search.value = ''
      applySearch()
      filter.value = ''
    },
    goToPage,
    nextPage: () => goToPage(page.value + 1),
    previousPage: () => goToPage(page.value - 1),
    refetch: async () => {
      await result.refetch()
    },
  }
}
