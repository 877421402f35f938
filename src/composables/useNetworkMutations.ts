import { useMutation, useQuery, type QueryClient, type QueryKey } from '@tanstack/vue-query'
import { computed, shallowRef, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { adapterSupports, type NetworksAdapter, type OptionalNetworksOperation } from '../core/adapter'
import type { NetworkApiError } from '../core/errors'
import { hasAtMostTwoDecimals } from '../core/schemas'
import type { DeleteNetworkResult, Network, NetworkInvitation, RecordList } from '../core/types'
import type { NetworkMessages } from '../messages'
import { networksMessages } from '../messages/networks'
import { callAdapter, unsupportedError, useAreaMessages, useCommonMessages, useNetworksCore, type NetworksCore } from './context'
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

type Method<K extends OptionalNetworksOperation> = Required<NetworksAdapter>[K]
/** What operation `K` resolves with. */
type Resolved<K extends OptionalNetworksOperation> = ReturnType<Method<K>> extends Promise<infer R> ? R : never

/** What a composable running one optional adapter operation works with. */
interface Operation<K extends OptionalNetworksOperation> extends NetworksCore {
  common: ComputedRef<NetworkMessages['common']>
  /** The adapter has the operation and the policy allows it. */
  allowed: ComputedRef<boolean>
  /** Runs the operation; rejects with a `NetworkApiError` only (reason `unsupported` when the adapter lacks it). */
  call: (...args: Parameters<Method<K>>) => Promise<Resolved<K>>
}

function useOperation<K extends OptionalNetworksOperation>(options: UseNetworkMutationOptions, operation: K): Operation<K> {
  const core = useNetworksCore(options)
  const { adapter } = core
  const common = useCommonMessages(core)
  return {
    ...core,
    common,
    allowed: computed(() => adapterSupports(adapter, operation) && core.can(operation)),
    call: (...args) =>
      callAdapter(() => {
        if (!adapterSupports(adapter, operation)) throw unsupportedError(common.value.genericError)
        return (adapter[operation] as (...a: typeof args) => Promise<Resolved<K>>)(...args)
      }, common.value.genericError),
  }
}

/**
 * Runs an action at most once at a time per `key`, never when not allowed, and resolves with its outcome
 * (never rejects). `pending` is replaced as a whole on each change.
 */
function useRowAction<A extends unknown[], T>(
  { common, allowed }: Pick<Operation<OptionalNetworksOperation>, 'common' | 'allowed'>,
  key: (...args: A) => string,
  action: (...args: A) => Promise<T>,
) {
  const pending = shallowRef<ReadonlySet<string>>(new Set())
  const error = shallowRef<NetworkApiError | null>(null)
  const mark = (id: string, on: boolean) => {
    const next = new Set(pending.value)
    next[on ? 'add' : 'delete'](id)
    pending.value = next
  }
  const run = async (...args: A): Promise<RowActionOutcome<T>> => {
    const id = key(...args)
    if (!allowed.value || pending.value.has(id)) return { status: 'skipped' }
    mark(id, true)
    error.value = null
    try {
      return { status: 'done', value: await action(...args) }
    } catch (e) {
      const described = describeError(e, { common: common.value })
      error.value = described.error
      return { ...described, status: described.error.status === 404 ? 'not-found' : 'failed' }
    } finally {
      mark(id, false)
    }
  }
  return { allowed, pending, error, run }
}

/** Removes (without `patch`) or replaces the rows `match` picks in every cached page under `queryKey`. */
function editRows<T>(queryClient: QueryClient, queryKey: QueryKey, match: (row: T) => boolean, patch?: (row: T) => T): void {
  queryClient.setQueriesData<RecordList<T>>({ queryKey }, (old) => {
    if (!old?.list.some(match)) return old
    const list = patch ? old.list.map((row) => (match(row) ? patch(row) : row)) : old.list.filter((row) => !match(row))
    return { ...old, list, total: Math.max(0, old.total - old.list.length + list.length) }
  })
}

/**
 * Refetches the lists on screen in the background; other cached pages are only marked stale. A refetch already on
 * its way is cancelled and restarted: it may have left before this write reached the server, and its answer would
 * bring a deleted row back.
 */
function refresh(queryClient: QueryClient, queryKey: QueryKey): void {
  void queryClient.invalidateQueries({ queryKey, refetchType: 'active' })
}

/** An optimistic delete on the list under `queryKey`; `onSuccess` gets the id once the server agreed. */
function useOptimisticDelete<Row, Result>(
  op: Pick<NetworksCore, 'queryClient'> & Pick<Operation<OptionalNetworksOperation>, 'common' | 'allowed'> & { call: (id: string) => Promise<Result> },
  queryKey: QueryKey,
  id: (row: Row) => string,
  onSuccess?: (result: Result, id: string) => void,
): UseDeleteReturn<Row, Result> {
  const { queryClient } = op
  const mutation = useMutation<Result, NetworkApiError, string, Array<[QueryKey, unknown]>>(
    {
      mutationFn: (key) => op.call(key),
      onMutate: async (key) => {
        await queryClient.cancelQueries({ queryKey })
        const snapshot = queryClient.getQueriesData({ queryKey })
        editRows<Row>(queryClient, queryKey, (row) => id(row) === key)
        return snapshot
      },
      onError: (error, _key, snapshot) => {
        if (error.status !== 404 && snapshot) for (const [key, data] of snapshot) queryClient.setQueryData(key, data)
      },
      onSuccess,
      // Not awaited: the outcome is reported at once; the refetch runs in the background.
      onSettled: () => refresh(queryClient, queryKey),
    },
    queryClient,
  )
  return useRowAction(op, id, (row) => mutation.mutateAsync(id(row)))
}

/** Return of `useDeleteInvitation`. */
export type UseDeleteInvitationReturn = UseDeleteReturn<NetworkInvitation, void>

/**
 * Deletes an invitation optimistically: the row leaves every cached invitations page at once, comes back if the
 * server refuses, and stays gone on 404 (it no longer exists). The lists are refreshed afterwards.
 */
export function useDeleteInvitation(options: UseNetworkMutationOptions = {}): UseDeleteInvitationReturn {
  const op = useOperation(options, 'deleteInvitation')
  return useOptimisticDelete(op, networkQueryKeys.invitations(op.adapter), (row: NetworkInvitation) => row.id)
}

/** Return of `useDeleteNetwork`. */
export type UseDeleteNetworkReturn = UseDeleteReturn<Network, DeleteNetworkResult>

/**
 * Removes a network (the relationship only; the child account stays active) optimistically, with a rollback when
 * the server refuses. Its details leave the cache too.
 */
export function useDeleteNetwork(options: UseNetworkMutationOptions = {}): UseDeleteNetworkReturn {
  const op = useOperation(options, 'deleteNetwork')
  const { adapter, queryClient } = op
  return useOptimisticDelete(op, networkQueryKeys.networks(adapter), (row: Network) => row.account_id, (_, id) =>
    queryClient.removeQueries({ queryKey: networkQueryKeys.network(adapter, id) }),
  )
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
  const op = useOperation(options, 'updateNetwork')
  const { adapter, queryClient } = op
  const queryKey = networkQueryKeys.networks(adapter)
  const mutation = useMutation<Network, NetworkApiError, [id: string, fee: number]>(
    {
      mutationFn: ([id, fee]) => op.call(id, { fee }),
      onSuccess: (network, [id]) => {
        editRows<Network>(queryClient, queryKey, (row) => row.account_id === id, (row) => ({ ...row, ...network }))
        queryClient.setQueryData(networkQueryKeys.network(adapter, id), network)
      },
      onSettled: () => refresh(queryClient, queryKey),
    },
    queryClient,
  )
  // One proposal at a time, whatever the network.
  const { pending, run } = useRowAction<[string, number], Network>(op, () => '', (id, fee) => mutation.mutateAsync([id, fee]))
  return { allowed: op.allowed, isPending: computed(() => pending.value.size > 0), propose: run }
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
  const { adapter, queryClient, allowed, call } = useOperation(options, 'getNetwork')
  const id = computed(() => toValue(options.childAccountId) ?? '')
  const query = useQuery<Network, NetworkApiError>(() => {
    const childAccountId = id.value
    return {
      queryKey: networkQueryKeys.network(adapter, childAccountId),
      queryFn: () => call(childAccountId),
      enabled: allowed.value && childAccountId !== '',
    }
  }, queryClient)
  const { data, error, isFetching } = query
  return {
    allowed,
    network: computed(() => data.value),
    // Pending means nothing loaded and no failure yet (no placeholder data here).
    isLoading: computed(() => id.value !== '' && query.isPending.value),
    error: computed(() => (isFetching.value ? null : error.value)),
    refetch: async () => {
      await query.refetch()
    },
  }
}

/** Result of parsing a typed fee. */
export type ParsedFee = { ok: true; fee: number } | { ok: false; message: string }

/**
 * Parses a fee as typed ("2.5", " 2,5 ") and checks `feeSchema`'s rules (0 to 100, at most two decimals) without
 * running zod. Messages come from `messages.networks` so they can be translated.
 */
export function parseFee(input: string, messages: Pick<NetworkMessages, 'networks'>): ParsedFee {
  const m = messages.networks
  const text = input.trim().replace(',', '.')
  const fee = Number(text)
  const message =
    text === ''
      ? m.feeRequired
      : !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) || !Number.isFinite(fee)
        ? m.feeNotNumber
        : fee < 0
          ? m.feeMin
          : fee > 100
            ? m.feeMax
            : hasAtMostTwoDecimals(fee)
              ? null
              : m.feeDecimals
  return message === null ? { ok: true, fee } : { ok: false, message }
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

/** The propose-fee form, headless: local validation with `feeSchema`'s rules, server field errors on the field. */
export function useFeeProposalForm(options: UseFeeProposalFormOptions): UseFeeProposalFormReturn {
  const networks = useAreaMessages(useNetworksCore(options), 'networks', networksMessages)
  const { propose, isPending } = useProposeFee(options)
  const value = shallowRef('')
  const fieldError = shallowRef<string | null>(null)
  const formError = shallowRef<string | null>(null)

  const submit = async (): Promise<Network | null> => {
    const network = toValue(options.network)
    if (!network || isPending.value) return null
    const parsed = parseFee(value.value, { networks: networks.value })
    formError.value = null
    fieldError.value = parsed.ok ? null : parsed.message
    if (!parsed.ok) return null
    const outcome = await propose(network.account_id, parsed.fee)
    if (outcome.status === 'done') {
      options.onProposed?.(outcome.value)
      return outcome.value
    }
    if (outcome.status !== 'skipped') {
      const fieldMessage = outcome.error.fields['fee'] ?? outcome.error.fields['fee_proposed']
      if (fieldMessage && !outcome.noAccess) fieldError.value = fieldMessage
      else formError.value = outcome.message
      options.onError?.(outcome.error)
    }
    return null
  }

  return {
    value,
    fieldError,
    formError,
    isSubmitting: isPending,
    submit,
    reset: (initial = '') => {
      value.value = initial
      fieldError.value = formError.value = null
    },
  }
}
