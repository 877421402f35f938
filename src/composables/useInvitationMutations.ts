import { useMutation, type QueryClient, type UseMutationReturnType } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import { adapterSupports, type NetworksAdapter } from '../core/adapter'
import type { NetworkApiError } from '../core/errors'
import type { CreateInvitationInput, NetworkInvitation, RecordList, UpdateInvitationInput } from '../core/types'
import { callAdapter, unsupportedError, useNetworksCore } from './context'
import { networkQueryKeys } from '../query-keys'

/** Options of `useCreateInvitation` and `useUpdateInvitation`. */
export interface UseInvitationMutationOptions {
  /** An adapter overriding the plugin's. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
}

/** Variables of `useUpdateInvitation`'s mutation. */
export interface UpdateInvitationVariables {
  /** Invitation id, `nwi_…`. */
  id: string
  /** The changed fields only; `fee_proposed: null` removes the fee. */
  input: UpdateInvitationInput
}

/** Return of `useCreateInvitation`: a vue-query mutation plus the adapter it runs on. */
export type UseCreateInvitationReturn = UseMutationReturnType<NetworkInvitation, NetworkApiError, CreateInvitationInput, unknown> & {
  /** The adapter in effect. */
  adapter: NetworksAdapter
}

/** Return of `useUpdateInvitation`: a vue-query mutation, the adapter, and whether it can update at all. */
export type UseUpdateInvitationReturn = UseMutationReturnType<NetworkInvitation, NetworkApiError, UpdateInvitationVariables, unknown> & {
  /** The adapter in effect. */
  adapter: NetworksAdapter
  /** Whether the adapter implements `updateInvitation`; when not, the mutation rejects with reason `unsupported`. */
  supported: boolean
}

/** Refetches the adapter's invitation pages on screen; other cached pages (a prefetched next page) are only marked stale. */
const refreshInvitations = (queryClient: QueryClient, adapter: NetworksAdapter) =>
  void queryClient.invalidateQueries({ queryKey: networkQueryKeys.invitations(adapter), refetchType: 'active' })

/**
 * Creates an invitation. On success, the adapter's invitation lists are invalidated: they refetch in the
 * background and keep showing their rows meanwhile. Rejects with `NetworkApiError` only.
 */
export function useCreateInvitation(options: UseInvitationMutationOptions = {}): UseCreateInvitationReturn {
  const { adapter, queryClient } = useNetworksCore(options)
  const mutation = useMutation<NetworkInvitation, NetworkApiError, CreateInvitationInput>(
    { mutationFn: (input) => callAdapter(() => adapter.createInvitation(input)), onSuccess: () => refreshInvitations(queryClient, adapter) },
    queryClient,
  )
  return Object.assign(mutation, { adapter })
}

/**
 * Updates an invitation (only the fields given) and so resends it with a new link. On success the cached
 * row is patched in place and the lists refetch in the background. Rejects with `NetworkApiError` only;
 * with reason `unsupported` when the adapter has no `updateInvitation`.
 */
export function useUpdateInvitation(options: UseInvitationMutationOptions = {}): UseUpdateInvitationReturn {
  const { adapter, queryClient } = useNetworksCore(options)
  const mutation = useMutation<NetworkInvitation, NetworkApiError, UpdateInvitationVariables>(
    {
      mutationFn: ({ id, input }) =>
        callAdapter(() => {
          if (!adapterSupports(adapter, 'updateInvitation')) throw unsupportedError('Invitations cannot be changed here.')
          return adapter.updateInvitation(id, input)
        }),
      onSuccess: (invitation) => {
        // Every cached page shows the change at once, without a loading state, before the background refetch.
        queryClient.setQueriesData<RecordList<NetworkInvitation>>(
          { queryKey: networkQueryKeys.invitations(adapter) },
          (old) => old && { ...old, list: old.list.map((row) => (row.id === invitation.id ? invitation : row)) },
        )
        refreshInvitations(queryClient, adapter)
      },
    },
    queryClient,
  )
  return Object.assign(mutation, { adapter, supported: adapterSupports(adapter, 'updateInvitation') })
}
