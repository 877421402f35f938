import { shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import type { NetworkApiError } from '../../core/errors'
import type { NetworkMessages } from '../../messages'
import type { RowActionOutcome } from '../../composables/useNetworkMutations'
import type { UseRecordListReturn } from '../../composables/useRecordList'

/** What `RecordListShell` reads of a `useRecordList`-based list (plus whether the session may list at all). */
export type ShellList = Pick<
  UseRecordListReturn<unknown>,
  'search' | 'filter' | 'records' | 'filters' | 'page' | 'pages' | 'total' | 'data' | 'rows' | 'hasCriteria' | 'clearCriteria' | 'isLoading' | 'isRefetching' | 'error' | 'refetch'
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

/** The aria-live notices of a list: a polite success/info notice and a dismissible failure (role=alert). */
export interface ListNotices {
  notice: ShallowRef<{ kind: 'success' | 'info'; text: string } | null>
  failureNotice: ShallowRef<string | null>
  /** Shows a notice; an error replaces the polite notice and vice versa. */
  announce: (kind: 'success' | 'info' | 'error', text: string) => void
  /** Hides the failure notice. */
  dismiss: () => void
}

export function useListNotices(): ListNotices {
  const notice: ListNotices['notice'] = shallowRef(null)
  const failureNotice: ListNotices['failureNotice'] = shallowRef(null)
  function announce(kind: 'success' | 'info' | 'error', text: string) {
    if (kind === 'error') {
      failureNotice.value = text
      notice.value = null
    } else {
      notice.value = { kind, text }
      failureNotice.value = null
    }
  }
  return { notice, failureNotice, announce, dismiss: () => (failureNotice.value = null) }
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
  if (outcome.status === 'done') {
    announce('success', texts.done())
    onDone()
  } else if (outcome.status === 'not-found') {
    announce('info', texts.notFound())
    onError(outcome.error)
  } else if (outcome.status === 'failed') {
    announce('error', texts.failed(outcome.message))
    onError(outcome.error)
  }
}
