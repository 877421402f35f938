import { reactive, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { NetworkApiError } from '../../core/errors'
import type { NetworkMessages } from '../../messages'
import type { RowActionOutcome } from '../../composables/useNetworkMutations'
import type { UseRecordListReturn } from '../../composables/useRecordList'

/** One column of the table `RecordListShell` renders. */
export interface DataTableColumn<Row> {
  /** Stable key: names the `#<key>-cell` slot and the `vnw-data-table__cell--<key>` class. */
  key: string
  /** Header text. */
  label: string
  /** The cell's value: handed to the cell slot, and shown as text when there is no slot. */
  value?: (row: Row) => unknown
  /** Visually hides the header text (kept for screen readers). @defaultValue false */
  hideLabel?: boolean
}

/** What `RecordListShell` reads of a `useRecordList`-based list (plus whether the session may list at all). */
export type ShellList<Row> = Pick<
  UseRecordListReturn<Row>,
  | 'search'
  | 'filter'
  | 'records'
  | 'filters'
  | 'page'
  | 'pages'
  | 'total'
  | 'data'
  | 'rows'
  | 'hasCriteria'
  | 'clearCriteria'
  | 'nextPage'
  | 'previousPage'
  | 'isLoading'
  | 'isRefetching'
  | 'error'
  | 'refetch'
> & { allowed: ComputedRef<boolean> }

/** The strings `RecordListShell` shows: the keys both list areas share. */
export type ShellMessages = Pick<
  NetworkMessages['invitations'] & NetworkMessages['networks'],
  | 'noListAccess'
  | 'searchLabel'
  | 'searchPlaceholder'
  | 'filterLabel'
  | 'filterAll'
  | 'pageSizeLabel'
  | 'dismiss'
  | 'caption'
  | 'noMatch'
  | 'noMatchHint'
  | 'clearFilters'
  | 'empty'
  | 'emptyHint'
  | 'total'
  | 'paginationLabel'
  | 'pageOf'
  | 'previousPage'
  | 'nextPage'
>

/** What a list notice reports: `success`/`info` are polite (role=status), `error` is an alert. */
export type NoticeKind = 'success' | 'info' | 'error'

/** The aria-live notice of a list: one at a time, so an error replaces a polite notice and vice versa. */
export interface ListNotices {
  /** The notice on screen; an `error` one has a Dismiss button. */
  notice: ShallowRef<{ kind: NoticeKind; text: string } | null>
  /** Shows a notice in place of the current one. */
  announce: (kind: NoticeKind, text: string) => void
}

export function useListNotices(): ListNotices {
  const notice: ListNotices['notice'] = shallowRef(null)
  return { notice, announce: (kind, text) => (notice.value = { kind, text }) }
}

/** The notices of a confirmed row action (delete, remove). */
export interface RowActionTexts {
  done: () => string
  notFound: () => string
  failed: (message: string) => string
}

/**
 * Reports how a confirmed row action ended: done → a success notice and `onDone`; 404 → an info notice and
 * `onError`; any other failure → a failure notice and `onError`. Skipped actions report nothing.
 */
export function reportRowAction<T>(
  outcome: RowActionOutcome<T>,
  announce: ListNotices['announce'],
  texts: RowActionTexts,
  onDone: () => void,
  onError: (error: NetworkApiError) => void,
): void {
  if (outcome.status === 'skipped') return
  if (outcome.status === 'done') {
    announce('success', texts.done())
    return onDone()
  }
  if (outcome.status === 'failed') announce('error', texts.failed(outcome.message))
  else announce('info', texts.notFound())
  onError(outcome.error)
}

/**
 * Whether a table's rows may skip re-rendering with it (`RecordListShell`'s `stableRows`): not when the host gave
 * cell or `actions` slots, which may read anything; then every row re-renders with the table, as a plain template would.
 */
export const rowsStable = (hostSlots: object): boolean => !Object.keys(hostSlots).some((name) => name.endsWith('-cell') || name === 'actions')

/**
 * A reactive mirror of an id set that is replaced as a whole on each change (a mutation's `pending`): `has(id)` is
 * tracked per id, so a row that reads it re-renders only when its own id comes or goes, not on every change.
 */
export function useIdSet(ids: Readonly<Ref<ReadonlySet<string>>>): ReadonlySet<string> {
  const mirror = reactive(new Set<string>())
  watch(
    ids,
    (next) => {
      for (const id of mirror) if (!next.has(id)) mirror.delete(id)
      for (const id of next) mirror.add(id)
    },
    { immediate: true, flush: 'sync' },
  )
  return mirror
}
