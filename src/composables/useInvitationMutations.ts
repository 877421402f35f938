import { useMutation, type QueryClient, type UseMutationReturnType } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import { adapterSupports, type NetworksAdapter } from '../core/adapter'
import { NetworkApiError, toNetworkApiError } from '../core/errors'
import type { CreateInvitationInput, NetworkInvitation, RecordList, UpdateInvitationInput } from '../core/types'
import { useNetworksCore } from './context'
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

function isInvitationList(value: unknown): value is RecordList<NetworkInvitation> {
  return typeof value === 'object' && value !== null && Array.isArray((value as { list?: unknown }).list)
}

/**
 * Replaces an invitation in every cached invitations page (so tables show the change at once, without a
 * loading state), then marks those pages stale so they refetch in the background.
 */
function patchCachedInvitation(queryClient: QueryClient, adapter: NetworksAdapter, invitation: NetworkInvitation): void {
  queryClient.setQueriesData({ queryKey: networkQueryKeys.invitations(adapter) }, (old: unknown) =>
    isInvitationList(old) ? { ...old, list: old.list.map((row) => (row.id === invitation.id ? invitation : row)) } : old,
  )
  void queryClient.invalidateQueries({ queryKey: networkQueryKeys.invitations(adapter), refetchType: 'active' })
}

/**
 * Creates an invitation. On success, the adapter's invitation lists are invalidated: they refetch in the
 * background and keep showing their rows meanwhile. Rejects with `NetworkApiError` only.
 */
export function useCreateInvitation(options: UseInvitationMutationOptions = {}): UseCreateInvitationReturn {
  const { adapter, queryClient } = useNetworksCore(options)
  const mutation = useMutation<NetworkInvitation, NetworkApiError, CreateInvitationInput>(
    {
      mutationFn: async (input) => {
        try {
          return await adapter.createInvitation(input)
        } catch (error) {
          throw toNetworkApiError(error)
        }
      },
      onSuccess: () => {
        // Only the invitation lists changed. Only the page(s) on screen refetch; other cached pages (a prefetched
        // next page) are just marked stale and are fetched when visited.
        void queryClient.invalidateQueries({ queryKey: networkQueryKeys.invitations(adapter), refetchType: 'active' })
      },
    },
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
  const supported = adapterSupports(adapter, 'updateInvitation')
  const mutation = useMutation<NetworkInvitation, NetworkApiError, UpdateInvitationVariables>(
    {
      mutationFn: async ({ id, input }) => {
        if (!adapterSupports(adapter, 'updateInvitation')) {
          throw new NetworkApiError({
            status: 0,
            type: 'codebase',
            message: 'Invitations cannot be changed here.',
            reason: 'unsupported',
            devMessage: `The ${adapter.name ?? 'adapter'} adapter has no updateInvitation.`,
          })
        }
        try {
          return await adapter.updateInvitation(id, input)
        } catch (error) {
          throw toNetworkApiError(error)
        }
      },
      onSuccess: (invitation) => patchCachedInvitation(queryClient, adapter, invitation),
    },
    queryClient,
  )
  return Object.assign(mutation, { adapter, supported })
}
