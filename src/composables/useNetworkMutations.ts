import { useMutation, useQuery, type QueryClient, type QueryKey } from '@tanstack/vue-query'
import { computed, shallowRef, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { adapterSupports, type NetworksAdapter } from '../core/adapter'
import { toNetworkApiError, type NetworkApiError } from '../core/errors'
import { feeSchema } from '../core/schemas'
import type { DeleteNetworkResult, Network, NetworkInvitation, RecordList } from '../core/types'
import type { NetworkMessages } from '../messages'
import { networksMessages } from '../messages/networks'
import { unsupportedError, useAreaMessages, useCommonMessages, useNetworksCore } from './context'
import { networkQueryKeys } from '../query-keys'
import { describeError } from './errors'

/** Options shared by the row-action composables. */
export interface UseNetworkMutationOptions {
  /** An adapter overriding the plugin's. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
}

/** A failed row action, described for display. */
export interface RowActionFailure {
  /** What happened: `not-found` (404: the record is gone, and stays gone), `failed` (anything else; rolled back). */
  status: 'not-found' | 'failed'
  /** The error. */
  error: NetworkApiError
  /** A sentence fit to show (401/403 get the no-access wording). */
  message: string
  /** Whether trying again may help. */
  retryable: boolean
  /** True for 401/403. */
  noAccess: boolean
}

/** Outcome of a row action; never a thrown error. `skipped`: unsupported, or the same action is already running. */
export type RowActionOutcome<T> = { status: 'done'; value: T } | RowActionFailure | { status: 'skipped' }

/** Return shared by the delete composables. */
export interface UseDeleteReturn<Row, Result> {
  /** Whether the adapter can do it and the policy allows it. */
  allowed: ComputedRef<boolean>
  /** Ids with a request in flight. */
  pending: Readonly<Ref<ReadonlySet<string>>>
  /** The last failure (cleared by the next attempt). */
  error: Readonly<Ref<NetworkApiError | null>>
  /** Runs the action: the row leaves every cached page at once and comes back if the server refuses (not on 404). */
  run: (row: Row) => Promise<RowActionOutcome<Result>>
}

type Snapshot = Array<[QueryKey, unknown]>

/** Removes matching rows from every cached page under `prefix`; returns what to restore. */
function removeRows<T>(queryClient: QueryClient, prefix: QueryKey, match: (row: T) => boolean): Snapshot {
  const snapshot = queryClient.getQueriesData<RecordList<T>>({ queryKey: prefix }) as Snapshot
  queryClient.setQueriesData<RecordList<T>>({ queryKey: prefix }, (old) => {
    if (!old || !Array.isArray(old.list)) return old
    const list = old.list.filter((row) => !match(row))
    if (list.length === old.list.length) return old
    return { ...old, list, total: Math.max(0, old.total - (old.list.length - list.length)) }
  })
  return snapshot
}

/** Replaces matching rows in every cached page under `prefix`. */
function patchRows<T>(queryClient: QueryClient, prefix: QueryKey, match: (row: T) => boolean, patch: (row: T) => T): void {
  queryClient.setQueriesData<RecordList<T>>({ queryKey: prefix }, (old) => {
    if (!old || !Array.isArray(old.list) || !old.list.some(match)) return old
    return { ...old, list: old.list.map((row) => (match(row) ? patch(row) : row)) }
  })
}

function restore(queryClient: QueryClient, snapshot: Snapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data)
}

function failure(error: unknown, messages: Pick<NetworkMessages, 'common'>): RowActionFailure {
  const described = describeError(error, messages)
  return {
    status: described.error.status === 404 ? 'not-found' : 'failed',
    error: described.error,
    message: described.message,
    retryable: described.retryable,
    noAccess: described.noAccess,
  }
}

interface OptimisticDeleteConfig<Row, Result> {
  adapter: NetworksAdapter
  queryClient: QueryClient
  common: ComputedRef<NetworkMessages['common']>
  allowed: ComputedRef<boolean>
  prefix: QueryKey
  id: (row: Row) => string
  call: (id: string) => Promise<Result>
  afterSuccess?: (row: Row) => void
}

function useOptimisticDelete<Row, Result>(config: OptimisticDeleteConfig<Row, Result>): UseDeleteReturn<Row, Result> {
  const { queryClient, prefix } = config
  const pending = shallowRef<ReadonlySet<string>>(new Set())
  const error = shallowRef<NetworkApiError | null>(null)
  const setPending = (id: string, on: boolean) => {
    const next = new Set(pending.value)
    if (on) next.add(id)
    else next.delete(id)
    pending.value = next
  }

  const mutation = useMutation<Result, NetworkApiError, Row, { snapshot: Snapshot }>(
    {
      mutationFn: async (row) => {
        try {
          return await config.call(config.id(row))
        } catch (e) {
          throw toNetworkApiError(e, config.common.value.genericError)
        }
      },
      onMutate: async (row) => {
        await queryClient.cancelQueries({ queryKey: prefix })
        return { snapshot: removeRows<Row>(queryClient, prefix, (r) => config.id(r) === config.id(row)) }
      },
      onError: (err, _row, context) => {
        if (err.status !== 404 && context) restore(queryClient, context.snapshot)
      },
      // Not awaited: the outcome is reported at once; the refetch runs in the background.
      onSettled: () => {
        // Only the list the row left; only pages on screen refetch, other cached pages are just marked stale.
        void queryClient.invalidateQueries({ queryKey: prefix, refetchType: 'active' }, { cancelRefetch: false })
      },
    },
    queryClient,
  )

  const run = async (row: Row): Promise<RowActionOutcome<Result>> => {
    const id = config.id(row)
    if (!config.allowed.value || pending.value.has(id)) return { status: 'skipped' }
    setPending(id, true)
    error.value = null
    try {
      const value = await mutation.mutateAsync(row)
      config.afterSuccess?.(row)
      return { status: 'done', value }
    } catch (e) {
      const f = failure(e, { common: config.common.value })
      error.value = f.error
      return f
    } finally {
      setPending(id, false)
    }
  }

  return { allowed: config.allowed, pending, error, run }
}

/** Return of `useDeleteInvitation`. */
export type UseDeleteInvitationReturn = UseDeleteReturn<NetworkInvitation, void>

/**
 * Deletes an invitation optimistically: the row leaves every cached invitations page at once, comes back if the
 * server refuses, and stays gone on 404 (it no longer exists). The lists are refreshed afterwards.
 */
export function useDeleteInvitation(options: UseNetworkMutationOptions = {}): UseDeleteInvitationReturn {
  const { adapter, queryClient, can, messageOverrides } = useNetworksCore(options)
  const common = useCommonMessages({ messageOverrides })
  return useOptimisticDelete<NetworkInvitation, void>({
    adapter,
    queryClient,
    common,
    allowed: computed(() => adapterSupports(adapter, 'deleteInvitation') && can('deleteInvitation')),
    prefix: networkQueryKeys.invitations(adapter),
    id: (row) => row.id,
    call: (id) => (adapterSupports(adapter, 'deleteInvitation') ? adapter.deleteInvitation(id) : Promise.reject(unsupportedError(common.value.genericError))),
  })
}

/** Return of `useDeleteNetwork`. */
export type UseDeleteNetworkReturn = UseDeleteReturn<Network, DeleteNetworkResult>

/**
 * Removes a network (the relationship only; the child account stays active) optimistically, with a rollback when
 * the server refuses. Its details leave the cache too.
 */
export function useDeleteNetwork(options: UseNetworkMutationOptions = {}): UseDeleteNetworkReturn {
  const { adapter, queryClient, can, messageOverrides } = useNetworksCore(options)
  const common = useCommonMessages({ messageOverrides })
  return useOptimisticDelete<Network, DeleteNetworkResult>({
    adapter,
    queryClient,
    common,
    allowed: computed(() => adapterSupports(adapter, 'deleteNetwork') && can('deleteNetwork')),
    prefix: networkQueryKeys.networks(adapter),
    id: (row) => row.account_id,
    call: (id) =>
      adapterSupports(adapter, 'deleteNetwork')
        ? adapter.deleteNetwork(id)
        : Promise.reject(unsupportedError(common.value.genericError)),
    afterSuccess: (row) => queryClient.removeQueries({ queryKey: networkQueryKeys.network(adapter, row.account_id) }),
  })
}

/** Return of `useProposeFee`. */
export interface UseProposeFeeReturn {
  /** Whether the adapter can update networks and the policy allows it. */
  allowed: ComputedRef<boolean>
  /** True while a proposal is being sent. */
  isPending: Readonly<Ref<boolean>>
  /** Sends a fee proposal (`updateNetwork`); the network's rows and details are patched with the answer. */
  propose: (childAccountId: string, fee: number) => Promise<RowActionOutcome<Network>>
}

/** Proposes a new fee on a network. The agreed fee stays until the child agrees; lists are patched in place. */
export function useProposeFee(options: UseNetworkMutationOptions = {}): UseProposeFeeReturn {
  const { adapter, queryClient, can, messageOverrides } = useNetworksCore(options)
  const common = useCommonMessages({ messageOverrides })
  const allowed = computed(() => adapterSupports(adapter, 'updateNetwork') && can('updateNetwork'))
  const isPending = shallowRef(false)
  const mutation = useMutation<Network, NetworkApiError, { id: string; fee: number }>(
    {
      mutationFn: async ({ id, fee }) => {
        if (!adapterSupports(adapter, 'updateNetwork')) {
          throw unsupportedError(common.value.genericError)
        }
        try {
          return await adapter.updateNetwork(id, { fee })
        } catch (e) {
          throw toNetworkApiError(e, common.value.genericError)
        }
      },
      onSuccess: (network, { id }) => {
        patchRows<Network>(queryClient, networkQueryKeys.networks(adapter), (row) => row.account_id === id, (row) => ({ ...row, ...network }))
        queryClient.setQueryData(networkQueryKeys.network(adapter, id), network)
      },
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: networkQueryKeys.networks(adapter), refetchType: 'active' }, { cancelRefetch: false })
      },
    },
    queryClient,
  )
  const propose = async (childAccountId: string, fee: number): Promise<RowActionOutcome<Network>> => {
    if (!allowed.value || isPending.value) return { status: 'skipped' }
    isPending.value = true
    try {
      return { status: 'done', value: await mutation.mutateAsync({ id: childAccountId, fee }) }
    } catch (e) {
      return failure(e, { common: common.value })
    } finally {
      isPending.value = false
    }
  }
  return { allowed, isPending, propose }
}

/** Options of `useNetworkDetails`. */
export interface UseNetworkDetailsOptions extends UseNetworkMutationOptions {
  /** The child account whose network to load; nothing is requested while empty. */
  childAccountId: MaybeRefOrGetter<string | null | undefined>
}

/** Return of `useNetworkDetails`. */
export interface UseNetworkDetailsReturn {
  /** Whether the adapter has `getNetwork` and the policy allows it. */
  allowed: ComputedRef<boolean>
  /** The network, once loaded. */
  network: ComputedRef<Network | undefined>
  /** True while nothing is shown yet. */
  isLoading: ComputedRef<boolean>
  /** The failure, if any. */
  error: ComputedRef<NetworkApiError | null>
  /** Loads again. */
  refetch: () => Promise<void>
}

/** One network's details (`getNetwork`), cached per child account. */
export function useNetworkDetails(options: UseNetworkDetailsOptions): UseNetworkDetailsReturn {
  const { adapter, queryClient, can, messageOverrides } = useNetworksCore(options)
  const common = useCommonMessages({ messageOverrides })
  const allowed = computed(() => adapterSupports(adapter, 'getNetwork') && can('getNetwork'))
  const id = computed(() => toValue(options.childAccountId) ?? '')
  const query = useQuery<Network, NetworkApiError>(
    () => {
      const childAccountId = id.value
      return {
        queryKey: networkQueryKeys.network(adapter, childAccountId),
        queryFn: async () => {
          if (!adapterSupports(adapter, 'getNetwork')) {
            throw unsupportedError(common.value.genericError)
          }
          try {
            return await adapter.getNetwork(childAccountId)
          } catch (e) {
            throw toNetworkApiError(e, common.value.genericError)
          }
        },
        enabled: allowed.value && childAccountId !== '',
      }
    },
    queryClient,
  )
  return {
    allowed,
    network: computed(() => query.data.value),
    isLoading: computed(() => id.value !== '' && !query.data.value && (query.isPending.value || query.isFetching.value) && !query.error.value),
    error: computed(() => (query.isFetching.value ? null : (query.error.value ?? null))),
    refetch: async () => {
      await query.refetch()
    },
  }
}

/** Result of parsing a typed fee. */
export type ParsedFee = { ok: true; fee: number } | { ok: false; message: string }

/**
 * Parses a fee as typed ("2.5", " 2,5 ") and validates it with `feeSchema`: 0 to 100, at most two decimals.
 * Messages come from `messages.networks` so they can be translated.
 */
export function parseFee(input: string, messages: Pick<NetworkMessages, 'networks'>): ParsedFee {
  const m = messages.networks
  const text = input.trim().replace(',', '.')
  if (text === '') return { ok: false, message: m.feeRequired }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false, message: m.feeNotNumber }
  const fee = Number(text)
  const result = feeSchema.safeParse(fee)
  if (result.success) return { ok: true, fee: result.data }
  const issue = result.error.issues[0]
  if (issue?.code === 'too_small') return { ok: false, message: m.feeMin }
  if (issue?.code === 'too_big') return { ok: false, message: m.feeMax }
  if (!Number.isFinite(fee)) return { ok: false, message: m.feeNotNumber }
  return { ok: false, message: m.feeDecimals }
}

/** Options of `useFeeProposalForm`. */
export interface UseFeeProposalFormOptions extends UseNetworkMutationOptions {
  /** The network the fee is proposed on. */
  network: MaybeRefOrGetter<Network | null | undefined>
  /** Called with the updated network after the server accepted the proposal. */
  onProposed?: (network: Network) => void
  /** Called with any server failure (also shown through `fieldError` / `formError`). */
  onError?: (error: NetworkApiError) => void
}

/** Return of `useFeeProposalForm`. */
export interface UseFeeProposalFormReturn {
  /** The fee as typed. */
  value: Ref<string>
  /** The message for the fee field (local validation or the server's `fields.fee`), or null. */
  fieldError: Readonly<Ref<string | null>>
  /** A failure not tied to the field (no access, server down...), or null. */
  formError: Readonly<Ref<string | null>>
  /** True while the proposal is being sent. */
  isSubmitting: Readonly<Ref<boolean>>
  /** Validates and sends; returns the updated network, or null when invalid or refused. Never sends twice at once. */
  submit: () => Promise<Network | null>
  /** Clears the field and the messages (e.g. when the dialog opens for another network). */
  reset: (initial?: string) => void
}

/** The propose-fee form, headless: local validation with `feeSchema`, server field errors on the field. */
export function useFeeProposalForm(options: UseFeeProposalFormOptions): UseFeeProposalFormReturn {
  const networks = useAreaMessages(useNetworksCore(options), 'networks', networksMessages)
  const { propose, isPending } = useProposeFee(options)
  const value = shallowRef('')
  const fieldError = shallowRef<string | null>(null)
  const formError = shallowRef<string | null>(null)
  let inFlight = false

  const submit = async (): Promise<Network | null> => {
    const network = toValue(options.network)
    if (!network || inFlight) return null
    const parsed = parseFee(value.value, { networks: networks.value })
    formError.value = null
    if (!parsed.ok) {
      fieldError.value = parsed.message
      return null
    }
    fieldError.value = null
    inFlight = true
    try {
      const outcome = await propose(network.account_id, parsed.fee)
      if (outcome.status === 'done') {
        options.onProposed?.(outcome.value)
        return outcome.value
      }
      if (outcome.status === 'skipped') return null
      const fieldMessage = outcome.error.fields['fee'] ?? outcome.error.fields['fee_proposed']
      if (fieldMessage && !outcome.noAccess) fieldError.value = fieldMessage
      else formError.value = outcome.message
      options.onError?.(outcome.error)
      return null
    } finally {
      inFlight = false
    }
  }

  return {
    value,
    fieldError,
    formError,
    isSubmitting: isPending,
    submit,
    reset: (initial = '') => {
      value.value = initial
      fieldError.value = null
      formError.value = null
    },
  }
}
