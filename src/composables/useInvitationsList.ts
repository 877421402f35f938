import { computed, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { NetworksAdapter } from '../core/adapter'
import type { NetworkInvitation } from '../core/types'
import { useNetworksCore } from './context'
import { networkQueryKeys } from '../query-keys'
import { useRecordList, type UseRecordListOptions, type UseRecordListReturn } from './useRecordList'

/** Options of `useInvitationsList`. */
export interface UseInvitationsListOptions extends Pick<UseRecordListOptions<NetworkInvitation>, 'debounce' | 'records' | 'page' | 'prefetch'> {
  /** An adapter overriding the plugin's. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
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
    ...options,
    queryClient,
    queryKey: (query) => networkQueryKeys.invitations(adapter, query),
    queryFn: (query) => adapter.listInvitations(query),
    enabled: allowed,
    rowKey: (row) => row.id,
  })
  return { ...list, allowed }
}
