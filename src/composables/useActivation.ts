import { useMutation } from '@tanstack/vue-query'
import {
  computed,
  getCurrentInstance,
  onMounted,
  onScopeDispose,
  shallowRef,
  toValue,
  watch,
  type ComputedRef,
  type MaybeRefOrGetter,
  type ShallowRef,
} from 'vue'
import type { NetworksAdapter } from '../core/adapter'
import { NetworkApiError, type NetworkApiErrorInit } from '../core/errors'
import { activationTokenSchema } from '../core/schemas'
import type { ActivationResult } from '../core/types'
import { activationMessages } from '../messages/activation'
import { useAreaMessages, useCommonMessages, useNetworksCore } from './context'
import { networkQueryKeys } from '../query-keys'
import { readActivationToken, removeTokenFromUrl } from '../core/activation-token'
import { describeError, type DescribedError } from './errors'

/**
 * Where an activation stands:
 * - `idle`: the token is not known yet (on the server, or before the page's URL was read);
 * - `no-token`: the page was opened without a token;
 * - `ready`: a well-formed token waits for the person to activate;
 * - `activating`: the request runs;
 * - `activated`: the account and the network exist; login instructions were emailed;
 * - `expired`, `used`, `invalid`: the token was refused for good (see `ActivationInvalidReason` for `invalid`);
 * - `error`: the request failed (connection, server, rate limit...) and may be retried with the same token.
 */
export type ActivationState = 'idle' | 'no-token' | 'ready' | 'activating' | 'activated' | 'expired' | 'used' | 'invalid' | 'error'

/** Reasons that put an activation in the `invalid` state; each has its own message. */
export type ActivationInvalidReason = 'token_malformed' | 'token_invalid' | 'token_revoked' | 'token_replaced'

/** Where the token came from: the `token` option, the page's URL, or nowhere (yet). */
export type ActivationTokenSource = 'option' | 'url' | null

/** True for the reasons that put an activation in `invalid`: exactly those with their own message. */
function isInvalidReason(reason: string | undefined): reason is ActivationInvalidReason {
  return Object.hasOwn(activationMessages.invalidReasons, reason ?? '')
}

/** The state a refused or failed activation ends in. */
export function activationStateOf({ reason, status, type }: NetworkApiError): 'expired' | 'used' | 'invalid' | 'error' {
  // An API without token reasons: 404/410 mean the token is unknown or gone, 409 that it was spent.
  const byStatus = (reason === undefined || reason === 'not_found') && type !== 'network' && type !== 'system'
  if (reason === 'token_expired') return 'expired'
  if (reason === 'token_used' || (byStatus && status === 409)) return 'used'
  if (isInvalidReason(reason) || (byStatus && (status === 404 || status === 410))) return 'invalid'
  return 'error'
}

/** The `invalid` reason of an error (`token_invalid` when the API gave no finer one). */
export function activationInvalidReason(error: NetworkApiError | null): ActivationInvalidReason {
  const reason = error?.reason
  return isInvalidReason(reason) ? reason : 'token_invalid'
}

/** Options of `useActivation`. */
export interface UseActivationOptions {
  /** The token, when the host already has it (e.g. from its router). When given, the page's URL is neither read nor changed. */
  token?: MaybeRefOrGetter<string | null | undefined>
  /** Activate as soon as a well-formed token is known, once per token in the page's lifetime. @defaultValue false */
  autoActivate?: MaybeRefOrGetter<boolean | undefined>
  /** Leave the token in the address bar after reading it from the URL. @defaultValue false */
  keepTokenInUrl?: MaybeRefOrGetter<boolean | undefined>
  /** Read the token from `window.location` when no `token` is given. @defaultValue true */
  readLocation?: boolean
  /** An adapter overriding the plugin's. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
  /** Where the new user signs in, overriding the plugin's `loginUrl`. */
  loginUrl?: MaybeRefOrGetter<string | undefined>
  /** Called once when the activation succeeded. */
  onActivated?: (result: ActivationResult) => void
  /** Called when the API refused the token or the request failed (never with the token in the error). */
  onError?: (error: NetworkApiError) => void
}

/** Return of `useActivation`. The token itself is never exposed. */
export interface UseActivationReturn {
  /** Where the activation stands. */
  state: Readonly<ShallowRef<ActivationState>>
  /** Whether a token was found (stays true after the token was spent and forgotten). */
  hasToken: ComputedRef<boolean>
  /** Where the token came from. */
  tokenSource: Readonly<ShallowRef<ActivationTokenSource>>
  /** True while the request runs. */
  isActivating: ComputedRef<boolean>
  /** Posts the token (from `ready` or `error` only; ignored otherwise, so a double click sends one request). Never rejects. */
  activate: () => Promise<ActivationResult | undefined>
  /** Posts the same token again after an `error`. Never rejects. */
  retry: () => Promise<ActivationResult | undefined>
  /** What the activation created, once `activated`. */
  result: Readonly<ShallowRef<ActivationResult | null>>
  /** The refusal or failure, in `expired`, `used`, `invalid` and `error`. */
  error: Readonly<ShallowRef<NetworkApiError | null>>
  /** The error with the message to show and whether retrying may help. */
  describedError: ComputedRef<DescribedError | null>
  /** For `invalid`: which reason, to pick its message. */
  invalidReason: ComputedRef<ActivationInvalidReason | null>
  /** The state's heading, from the messages. */
  title: ComputedRef<string>
  /** The state's explanation, from the messages. */
  description: ComputedRef<string>
  /** The login URL (option, else plugin option), made safe: only http(s) or relative URLs, else `undefined`. */
  loginUrl: ComputedRef<string | undefined>
}

/** The outcome of each token attempted in this page's lifetime, keyed by a hash (the token itself is not kept). */
const attempts = new Map<number, Promise<ActivationResult>>()

/** A 32-bit FNV-1a hash: enough to recognise a token again in one page without keeping it. */
function hashToken(token: string): number {
  let hash = 0x811c9dc5
  for (const char of token) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619)
  return hash
}

/**
 * The error without the token anywhere in it (an API or adapter may echo the URL it called). A well-formed
 * token holds no character JSON escapes, so it can be replaced in the error's JSON.
 */
function withoutToken(error: NetworkApiError, token: string): NetworkApiError {
  const json = JSON.stringify(error)
  return json.includes(token) ? new NetworkApiError(JSON.parse(json.split(token).join('[token]')) as NetworkApiErrorInit) : error
}

/** `url` when it is an http(s) or relative URL; `undefined` for `javascript:` and other schemes. */
export function safeLinkUrl(url: string | null | undefined): string | undefined {
  const trimmed = url?.trim()
  try {
    if (trimmed && /^https?:$/.test(new URL(trimmed, 'http://relative.invalid/').protocol)) return trimmed
  } catch {
    // Not a URL at all: not linked.
  }
  return undefined
}

/**
 * The logic of an activation page, headless. Finds the token (option, else `?token=`, else the URL hash),
 * takes it out of the address bar, checks its form (a malformed token ends `invalid` without a request),
 * and posts it with a vue-query mutation on the library's QueryClient only when asked (`activate()`), or on
 * mount with `autoActivate` — once per token per page, even when several components mount with it.
 * On success it invalidates the networks and invitations lists. The token is kept only in a closure, never
 * in reactive state, and forgotten once the outcome is final. SSR-safe: `window` is read on mount only.
 */
export function useActivation(options: UseActivationOptions = {}): UseActivationReturn {
  const ctx = useNetworksCore({ adapter: options.adapter })
  const { adapter, queryClient } = ctx
  const common = useCommonMessages(ctx)
  const messages = useAreaMessages(ctx, 'activation', activationMessages)

  const state = shallowRef<ActivationState>('idle')
  const tokenSource = shallowRef<ActivationTokenSource>(null)
  const result = shallowRef<ActivationResult | null>(null)
  const error = shallowRef<NetworkApiError | null>(null)
  const isActivating = computed(() => state.value === 'activating')

  /** The well-formed token while it may still be needed (`ready`, `activating`, `error`); never reactive, never returned. */
  let token: string | null = null
  let disposed = false
  let mounted = false

  const mutation = useMutation<ActivationResult, unknown, void>(
    {
      // The token is read here rather than passed as variables, so the mutation cache never holds it; after an
      // unmount it is gone and nothing is sent.
      mutationFn: () => (token ? adapter.activateInvitation(token) : Promise.reject(new Error('unmounted'))),
      retry: false,
      gcTime: 0,
      onSuccess: () =>
        Promise.all([networkQueryKeys.networks(adapter), networkQueryKeys.invitations(adapter)].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
    },
    queryClient,
  )

  /** Takes a raw token: empty means `no-token`, malformed means `invalid` (no request), else `ready`. */
  function accept(raw: string | null, source: ActivationTokenSource) {
    const trimmed = raw?.trim()
    const parsed = activationTokenSchema.safeParse(trimmed)
    token = parsed.success ? parsed.data : null
    result.value = null
    tokenSource.value = source
    error.value =
      trimmed && !token
        ? new NetworkApiError({
            status: 0,
            type: 'user',
            message: messages.value.invalidReasons.token_malformed,
            reason: 'token_malformed',
            devMessage: 'Malformed token in the link; no request was sent.',
          })
        : null
    state.value = token ? 'ready' : trimmed ? 'invalid' : 'no-token'
  }

  /**
   * Takes the token option; else, once mounted, reads the page's URL and (unless asked not to) cleans the
   * address bar. Once mounted, `autoActivate` then posts a well-formed token.
   */
  function resolveToken() {
    const given = toValue(options.token)
    if (given != null) accept(given, 'option')
    else if (mounted) {
      const found = options.readLocation === false ? null : readActivationToken(location.href)
      if (found !== null && !toValue(options.keepTokenInUrl)) {
        try {
          history.replaceState(history.state, '', removeTokenFromUrl(location.href))
        } catch {
          // A sandboxed page may refuse; the token then stays visible, which is harmless.
        }
      }
      accept(found, found === null ? null : 'url')
    }
    maybeAutoActivate()
  }

  async function run(auto?: boolean): Promise<ActivationResult | undefined> {
    const current = token
    // No token outside `ready` and `error`; while `activating` a second call is ignored.
    if (!current || isActivating.value) return undefined
    const key = hashToken(current)
    state.value = 'activating'
    error.value = null
    let promise = auto ? attempts.get(key) : undefined
    if (!promise) attempts.set(key, (promise = mutation.mutateAsync()))
    try {
      const value = await promise
      token = null
      result.value = value
      state.value = 'activated'
      if (!disposed) options.onActivated?.(value)
      return value
    } catch (thrown) {
      const failure = withoutToken(describeError(thrown, { common: common.value }).error, current)
      const next = activationStateOf(failure)
      if (next !== 'error') token = null
      error.value = failure
      state.value = next
      if (!disposed) options.onError?.(failure)
      return undefined
    }
  }

  function maybeAutoActivate() {
    if (mounted && toValue(options.autoActivate) && state.value === 'ready') void run(true)
  }

  // A token given as an option is known right away (also on the server); the URL only in a browser, on mount.
  resolveToken()
  const start = () => {
    mounted = true
    if (state.value === 'idle') resolveToken()
    else maybeAutoActivate()
  }
  if (getCurrentInstance()) onMounted(start)
  else if (typeof window !== 'undefined') start()

  watch(
    () => toValue(options.token),
    () => {
      if (!isActivating.value) resolveToken()
    },
  )

  onScopeDispose(() => {
    disposed = true
    token = null
  })

  /** The state's message prefix (`activating` keeps `ready`'s texts). */
  const key = computed(() => (state.value === 'no-token' ? 'noToken' : state.value === 'activating' ? 'ready' : state.value))

  return {
    state,
    // Found once past `idle` and `no-token`: every later state comes from a token.
    hasToken: computed(() => state.value !== 'idle' && state.value !== 'no-token'),
    tokenSource,
    isActivating,
    activate: () => run(),
    retry: async () => (state.value === 'error' ? run() : undefined),
    result,
    error,
    describedError: computed(() => (error.value ? describeError(error.value, { common: common.value }) : null)),
    invalidReason: computed(() => (state.value === 'invalid' ? activationInvalidReason(error.value) : null)),
    title: computed(() => messages.value[`${key.value}Title` as const]),
    description: computed(() =>
      key.value === 'invalid' ? messages.value.invalidReasons[activationInvalidReason(error.value)] : messages.value[`${key.value}Text` as const],
    ),
    loginUrl: computed(() => safeLinkUrl(toValue(options.loginUrl) ?? ctx.loginUrl.value)),
  }
}
