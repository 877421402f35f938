import { computed, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import type { NetworksAdapter } from '../core/adapter'
import type { NetworkInvitation } from '../core/types'
import { useNetworksCore } from './context'
import { networkQueryKeys } from '../query-keys'
import { useRecordList, type UseRecordListReturn } from './useRecordList'

/** Options of `useInvitationsList`. */
export interface UseInvitationsListOptions {
  /** An adapter overriding the plugin's. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
  /** Milliseconds before a typed search is applied. @defaultValue 300 */
  debounce?: MaybeRefOrGetter<number>
  /** Initial page size. @defaultValue 25 */
  records?: number
  /** A ref to hold the page (e.g. `v-model:page`). */
  page?: Ref<number>
  /** Whether to prefetch the next page. @defaultValue true */
  prefetch?: MaybeRefOrGetter<boolean>
}

/** Return of `useInvitationsList`: the record-list state plus whether the session may list at all. */
export interface UseInvitationsListReturn extends UseRecordListReturn<NetworkInvitation> {
  /** False when the access policy forbids `listInvitations` (nothing is requested). */
  allowed: ComputedRef<boolean>
}

/** The session account's invitations, one server page at a time (search, status filter, pages). */
export function useInvitationsList(options: UseInvitationsListOptions = {}): UseInvitationsListReturn {
  const { adapter, queryClient, can } = useNetworksCore({ adapter: options.adapter })
  const allowed = computed(() => can('listInvitations'))
  const list = useRecordList<NetworkInvitation>({
    queryClient,
    queryKey: (query) => networkQueryKeys.invitations(adapter, query),
    queryFn: (query) => adapter.listInvitations(query),
    enabled: allowed,
    ...(options.debounce !== undefined ? { debounce: options.debounce } : {}),
    ...(options.records !== undefined ? { records: options.records } : {}),
    ...(options.page ? { page: options.page } : {}),
    ...(options.prefetch !== undefined ? { prefetch: options.prefetch } : {}),
  })
  return { ...list, allowed }
}
