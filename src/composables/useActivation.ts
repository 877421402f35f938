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
import { NetworkApiError } from '../core/errors'
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

/** Every activation state. */
export const ACTIVATION_STATES: readonly ActivationState[] = ['idle', 'no-token', 'ready', 'activating', 'activated', 'expired', 'used', 'invalid', 'error']

/** Reasons that put an activation in the `invalid` state; each has its own message. */
export type ActivationInvalidReason = 'token_malformed' | 'token_invalid' | 'token_revoked' | 'token_replaced'

const INVALID_REASONS: ReadonlySet<string> = new Set<ActivationInvalidReason>(['token_malformed', 'token_invalid', 'token_revoked', 'token_replaced'])

/** Where the token came from: the `token` option, the page's URL, or nowhere (yet). */
export type ActivationTokenSource = 'option' | 'url' | null

/** The state a refused or failed activation ends in. */
export function activationStateOf(error: NetworkApiError): 'expired' | 'used' | 'invalid' | 'error' {
  if (error.reason === 'token_expired') return 'expired'
  if (error.reason === 'token_used') return 'used'
  if (error.reason !== undefined && INVALID_REASONS.has(error.reason)) return 'invalid'
  // An API without token reasons: 404/410 mean the token is unknown or gone, 409 that it was spent.
  if ((error.reason === undefined || error.reason === 'not_found') && error.type !== 'network' && error.type !== 'system') {
    if (error.status === 409) return 'used'
    if (error.status === 404 || error.status === 410) return 'invalid'
  }
  return 'error'
}

/** The `invalid` reason of an error (`token_invalid` when the API gave no finer one). */
export function activationInvalidReason(error: NetworkApiError | null): ActivationInvalidReason {
  return error?.reason !== undefined && INVALID_REASONS.has(error.reason) ? (error.reason as ActivationInvalidReason) : 'token_invalid'
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
const attempts = new Map<string, Promise<ActivationResult>>()

/** A 53-bit non-cryptographic hash (cyrb53): enough to recognise a token again without keeping it. */
function hashToken(token: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** The error without the token anywhere in its texts (an API or adapter may echo the URL it called). */
function withoutToken(error: NetworkApiError, token: string): NetworkApiError {
  const texts = [error.message, error.devMessage ?? '', ...Object.values(error.fields)]
  if (!texts.some((text) => text.includes(token))) return error
  const strip = (text: string) => text.split(token).join('[token]')
  const init = error.toJSON()
  return new NetworkApiError({
    ...init,
    message: strip(init.message),
    devMessage: init.devMessage === undefined ? undefined : strip(init.devMessage),
    fields: Object.fromEntries(Object.entries(init.fields ?? {}).map(([k, v]) => [k, strip(v)])),
  })
}

/** `url` when it is an http(s) or relative URL; `undefined` for `javascript:` and other schemes. */
export function safeLinkUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined
  const trimmed = url.trim()
  if (trimmed === '') return undefined
  try {
    const parsed = new URL(trimmed, 'http://relative.invalid/')
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? trimmed : undefined
  } catch {
    return undefined
  }
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
  const { adapter, queryClient, loginUrl: contextLoginUrl } = ctx
  const common = useCommonMessages(ctx)
  const messages = useAreaMessages(ctx, 'activation', activationMessages)

  const state = shallowRef<ActivationState>('idle')
  const tokenFound = shallowRef(false)
  const tokenSource = shallowRef<ActivationTokenSource>(null)
  const result = shallowRef<ActivationResult | null>(null)
  const error = shallowRef<NetworkApiError | null>(null)

  /** The token while it may still be needed; never reactive, never returned. */
  let token: string | null = null
  /** The token of the request in flight, read by the mutation (so it is not stored as mutation variables). */
  let sending: string | null = null
  let disposed = false
  let mounted = false

  const mutation = useMutation<ActivationResult, unknown, void>(
    {
      mutationFn: () => {
        const value = sending
        if (value === null) return Promise.reject(new NetworkApiError({ status: 0, type: 'codebase', message: common.value.genericError }))
        return adapter.activateInvitation(value)
      },
      retry: false,
      gcTime: 0,
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: networkQueryKeys.networks(adapter) }),
          queryClient.invalidateQueries({ queryKey: networkQueryKeys.invitations(adapter) }),
        ]),
    },
    queryClient,
  )

  function forgetToken() {
    token = null
  }

  /** Takes a raw token: empty means `no-token`, malformed means `invalid` (no request), else `ready`. */
  function accept(raw: string | null, source: ActivationTokenSource) {
    forgetToken()
    result.value = null
    error.value = null
    tokenSource.value = source
    const trimmed = raw?.trim() ?? ''
    tokenFound.value = trimmed !== ''
    if (trimmed === '') {
      state.value = 'no-token'
      return
    }
    const parsed = activationTokenSchema.safeParse(trimmed)
    if (!parsed.success) {
      error.value = new NetworkApiError({
        status: 0,
        type: 'user',
        message: messages.value.invalidReasons.token_malformed,
        reason: 'token_malformed',
        devMessage: 'The token in the link does not have the form of an activation token; no request was sent.',
      })
      state.value = 'invalid'
      return
    }
    token = parsed.data
    state.value = 'ready'
  }

  /** Reads the token from the page's URL and, unless asked not to, removes it from the address bar. */
  function readFromLocation() {
    if (typeof window === 'undefined' || options.readLocation === false) {
      accept(null, null)
      return
    }
    const href = window.location.href
    const found = readActivationToken(href)
    if (found !== null && !toValue(options.keepTokenInUrl)) {
      const cleaned = removeTokenFromUrl(href)
      if (cleaned !== href) {
        try {
          window.history.replaceState(window.history.state, '', cleaned)
        } catch {
          // A sandboxed page may refuse; the token then stays visible, which is harmless.
        }
      }
    }
    accept(found, found === null ? null : 'url')
  }

  function resolveToken() {
    const given = toValue(options.token)
    if (given !== undefined && given !== null) accept(given, 'option')
    else readFromLocation()
  }

  async function run(auto: boolean): Promise<ActivationResult | undefined> {
    if (state.value !== 'ready' && state.value !== 'error') return undefined
    const current = token
    if (current === null) return undefined
    const key = hashToken(current)
    state.value = 'activating'
    error.value = null

    let promise = auto ? attempts.get(key) : undefined
    if (!promise) {
      sending = current
      promise = mutation.mutateAsync()
      attempts.set(key, promise)
    }
    try {
      const value = await promise
      result.value = value
      state.value = 'activated'
      forgetToken()
      if (!disposed) options.onActivated?.(value)
      return value
    } catch (thrown) {
      const described = describeError(thrown, { common: common.value })
      const failure = withoutToken(described.error, current)
      error.value = failure
      const next = activationStateOf(failure)
      state.value = next
      if (next !== 'error') forgetToken()
      if (!disposed) options.onError?.(failure)
      return undefined
    } finally {
      if (sending === current) sending = null
    }
  }

  function maybeAutoActivate() {
    if (toValue(options.autoActivate) && state.value === 'ready') void run(true)
  }

  // A token given as an option is known right away (also on the server); the URL only in a browser, on mount.
  const given = toValue(options.token)
  if (given !== undefined && given !== null) accept(given, 'option')

  const start = () => {
    mounted = true
    if (state.value === 'idle') resolveToken()
    maybeAutoActivate()
  }
  if (getCurrentInstance()) onMounted(start)
  else if (typeof window !== 'undefined') start()

  watch(
    () => toValue(options.token),
    (next, previous) => {
      if (next === previous || state.value === 'activating') return
      if (next !== undefined && next !== null) accept(next, 'option')
      else if (mounted) readFromLocation()
      if (mounted) maybeAutoActivate()
    },
  )

  onScopeDispose(() => {
    disposed = true
    forgetToken()
    sending = null
  })

  const describedError = computed(() => (error.value ? describeError(error.value, { common: common.value }) : null))
  const invalidReason = computed(() => (state.value === 'invalid' ? activationInvalidReason(error.value) : null))

  const title = computed(() => {
    const m = messages.value
    switch (state.value) {
      case 'no-token':
        return m.noTokenTitle
      case 'ready':
      case 'activating':
        return m.readyTitle
      case 'activated':
        return m.activatedTitle
      case 'expired':
        return m.expiredTitle
      case 'used':
        return m.usedTitle
      case 'invalid':
        return m.invalidTitle
      case 'error':
        return m.errorTitle
      default:
        return m.idleTitle
    }
  })

  const description = computed(() => {
    const m = messages.value
    switch (state.value) {
      case 'no-token':
        return m.noTokenText
      case 'ready':
      case 'activating':
        return m.readyText
      case 'activated':
        return m.activatedText
      case 'expired':
        return m.expiredText
      case 'used':
        return m.usedText
      case 'invalid':
        return m.invalidReasons[activationInvalidReason(error.value)]
      case 'error':
        return m.errorText
      default:
        return m.idleText
    }
  })

  return {
    state,
    hasToken: computed(() => tokenFound.value),
    tokenSource,
    isActivating: computed(() => state.value === 'activating'),
    activate: () => run(false),
    retry: () => (state.value === 'error' ? run(false) : Promise.resolve(undefined)),
    result,
    error,
    describedError,
    invalidReason,
    title,
    description,
    loginUrl: computed(() => safeLinkUrl(toValue(options.loginUrl) ?? contextLoginUrl.value)),
  }
}
