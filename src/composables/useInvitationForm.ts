import { useForm, type BaseFieldProps, type TypedSchema } from 'vee-validate'
import { computed, shallowRef, toValue, watch, type ComputedRef, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue'
import * as z from 'zod/mini'
import type { NetworksAdapter } from '../core/adapter'
import type { NetworkApiError } from '../core/errors'
import { domainIdSchema, emailSchema, feeSchema, idSchema } from '../core/schemas'
import type { Country, CreateInvitationInput, NetworkDomain, NetworkInvitation, UpdateInvitationInput } from '../core/types'
import type { NetworkMessages } from '../messages'
import { formMessages } from '../messages/form'
import { useAreaMessages, useCommonMessages, useNetworksCore } from './context'
import { describeError, type DescribedError } from './errors'
import { useCreateInvitation, useUpdateInvitation } from './useInvitationMutations'
import { useCountries, useNetworkDomains } from './useNetworkDomains'
import { zodTypedSchema, type ZodIssue } from './zod-typed-schema'

/** Names of the invitation form's fields, in form (DOM) order; also the API's input names. */
export type InvitationFormField = 'email' | 'domain_id' | 'country_id' | 'fee_proposed'

/** Every field, in form order. */
export const INVITATION_FORM_FIELDS: readonly InvitationFormField[] = ['email', 'domain_id', 'country_id', 'fee_proposed']

/**
 * Raw values of the form's controls. `country_id: ''` means "same as the inviting account";
 * `fee_proposed` is `''` (no fee), a number, or a numeric string (NaN or any other string is rejected).
 */
export interface InvitationFormValues {
  /** Recipient email, as typed. */
  email: string
  /** Chosen domain id; `''` for none. */
  domain_id: string
  /** Chosen country id; `''` for the inviting account's. */
  country_id: string
  /** Proposed fee in percent as the input gives it; `''` for none. */
  fee_proposed: string | number
}

/** Values after validation: trimmed, with the fee as a number and empty optionals left out. */
export interface InvitationFormOutput {
  /** Trimmed, valid email. */
  email: string
  /** Domain id (unchanged in edit mode). */
  domain_id: string
  /** Country id, when one was chosen. */
  country_id?: string
  /** Fee in percent, when one was entered. */
  fee_proposed?: number
}

/** `create` invites a new account; `edit` changes (and resends) an existing invitation. */
export type InvitationFormMode = 'create' | 'edit'

/** Where the form stands: `error` means the request failed (invalid input keeps it `idle`). */
export type InvitationFormStatus = 'idle' | 'submitting' | 'success' | 'error'

/** One field for a custom template: `v-model="field.model.value" v-bind="field.attrs.value"`. */
export interface InvitationFormFieldState<T> {
  /** Two-way model of the field's value (vee-validate `defineField`). */
  model: Ref<T>
  /** Event handlers to bind on the control (blur/change validation). */
  attrs: Ref<BaseFieldProps>
  /** The field's current error message, if any. */
  error: ComputedRef<string | undefined>
}

/** Options of `useInvitationForm`. */
export interface UseInvitationFormOptions {
  /** An adapter overriding the plugin's. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
  /** The invitation to edit; edit mode when set. */
  invitation?: MaybeRefOrGetter<NetworkInvitation | undefined>
  /** Whether to offer the fee; `undefined` follows the plugin's `monetization`. */
  monetization?: MaybeRefOrGetter<boolean | undefined>
  /** Called with the created invitation. */
  onCreated?: (invitation: NetworkInvitation) => void
  /** Called with the updated (and resent) invitation. */
  onUpdated?: (invitation: NetworkInvitation) => void
  /** Called when the request failed. */
  onError?: (error: NetworkApiError) => void
  /**
   * Called when a submit was stopped by invalid fields (client-side or the server's `fields`), with those
   * fields in form order: move focus to the first. The SFC focuses the first `aria-invalid` control.
   */
  onInvalid?: (fields: InvitationFormField[]) => void
}

/** Return of `useInvitationForm`: everything needed to render the invitation form with any markup. */
export interface UseInvitationFormReturn {
  /** `create` or `edit`. */
  mode: ComputedRef<InvitationFormMode>
  /** Whether the user may submit in this mode (access policy and, for edit, adapter support). */
  allowed: ComputedRef<boolean>
  /** Field models, handlers and errors. */
  fields: {
    /** Recipient email. */
    email: InvitationFormFieldState<string>
    /** Domain (account type); read-only in edit mode. */
    domain_id: InvitationFormFieldState<string>
    /** Country; `''` = same as the inviting account. */
    country_id: InvitationFormFieldState<string>
    /** Proposed fee in percent; `''` = none. */
    fee_proposed: InvitationFormFieldState<string | number>
  }
  /** Current raw values. */
  values: InvitationFormValues
  /** Current error per field. */
  errors: ComputedRef<Partial<Record<InvitationFormField, string>>>
  /** Validates and sends once; concurrent calls share the request in flight. Resolves with the invitation, or `undefined`. */
  submit: (event?: Event) => Promise<NetworkInvitation | undefined>
  /** True from submit until the request settles. */
  isSubmitting: ShallowRef<boolean>
  /** Where the form stands. */
  status: ShallowRef<InvitationFormStatus>
  /** The last request failure, described for display; `null` after success or a new submit. */
  serverError: ShallowRef<DescribedError | null>
  /** The text to show for `serverError` (with a retry hint where retrying may help), or `''`. */
  serverErrorMessage: ComputedRef<string>
  /** The invitation of the last success. */
  result: ShallowRef<NetworkInvitation | null>
  /** The success status text (accepted for delivery, or resent with a new link), or `''`. */
  statusMessage: ComputedRef<string>
  /** Domains the session may invite into. */
  domains: ComputedRef<NetworkDomain[]>
  /** The domain chosen (or the invitation's, in edit mode). */
  selectedDomain: ComputedRef<NetworkDomain | undefined>
  /** True until the domains arrive. */
  domainsLoading: Ref<boolean>
  /** Why the domains could not be loaded, if they could not. */
  domainsError: ComputedRef<DescribedError | null>
  /** Loads the domains again. */
  retryDomains: () => Promise<unknown>
  /** True when the domains loaded and there are none: the account cannot invite. */
  noDomains: ComputedRef<boolean>
  /** Countries to offer. */
  countries: ComputedRef<Country[]>
  /** Whether to show the country field (adapter lists countries; create mode only). */
  showCountry: ComputedRef<boolean>
  /** Whether to show the fee field (monetization on). */
  showFee: ComputedRef<boolean>
  /** Empties the form (or restores the invitation's values) and clears errors and status. */
  reset: () => void
  /** The resolved messages the form shows: `common` and `form` (the other areas are not loaded with the form). */
  messages: ComputedRef<Pick<NetworkMessages, 'common' | 'form'>>
}

const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)$/

/** The fee as typed -> a number (NaN when not one), or `undefined` for none. */
export function parseFeeInput(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw
  const text = typeof raw === 'string' ? raw.trim() : raw
  if (text === '' || text === null || text === undefined) return undefined
  return typeof text === 'string' && NUMERIC.test(text) ? Number(text) : Number.NaN
}

const emptyToUndefined = (raw: unknown): unknown => (raw === '' || raw === null ? undefined : raw)

/**
 * The form-level zod/mini schema over the raw control values, built from the core input schemas:
 * `fee_proposed` accepts `''` (none), a number or a numeric string; `country_id: ''` is left out.
 * In edit mode the domain is not validated (it cannot change).
 */
export function createInvitationFormSchema(mode: InvitationFormMode = 'create') {
  return z.object({
    email: emailSchema,
    domain_id: mode === 'create' ? domainIdSchema : z.string(),
    country_id: z.pipe(z.transform(emptyToUndefined), z.optional(idSchema)),
    fee_proposed: z.pipe(z.transform(parseFeeInput), z.optional(feeSchema)),
  })
}

/** Picks the form's (translatable) message for a validation issue, by field and issue code. */
export function invitationIssueMessage(issue: ZodIssue, field: string, values: unknown, messages: Pick<NetworkMessages, 'form'>): string | undefined {
  const e = messages.form.errors
  const code = issue.code
  if (field === 'email') {
    const raw = (values as Partial<InvitationFormValues> | undefined)?.email
    return typeof raw !== 'string' || raw.trim() === '' ? e.emailRequired : code === 'too_big' ? e.emailTooLong : e.emailInvalid
  }
  if (field === 'domain_id') return e.domainRequired
  if (field === 'country_id') return e.countryInvalid
  if (field === 'fee_proposed') return code === 'too_small' ? e.feeMin : code === 'too_big' ? e.feeMax : code === 'custom' ? e.feeDecimals : e.feeNumber
  return undefined
}

/** The controls' values for `invitation` (empty without one). */
function initialValues(invitation: NetworkInvitation | undefined): InvitationFormValues {
  return {
    email: invitation?.email ?? '',
    domain_id: invitation?.domain_id ?? '',
    country_id: invitation?.country_id ?? '',
    fee_proposed: invitation?.fee_proposed ?? '',
  }
}

/** Only what changed since `current`; a cleared fee becomes `null`. Nothing changed gives `{}` (a plain resend). */
export function invitationChanges(current: NetworkInvitation, output: InvitationFormOutput, withFee: boolean): UpdateInvitationInput {
  const input: UpdateInvitationInput = {}
  if (output.email !== current.email) input.email = output.email
  if (withFee && output.fee_proposed !== current.fee_proposed) input.fee_proposed = output.fee_proposed ?? null
  return input
}

/**
 * Headless logic of the invitation form: vee-validate fields over the core schemas, domains and countries,
 * one request per submit however often it is triggered, server field errors on their fields, success and
 * failure states with their messages. Create mode invites; edit mode (an `invitation`) changes the email
 * and fee and resends.
 */
export function useInvitationForm(options: UseInvitationFormOptions = {}): UseInvitationFormReturn {
  const ctx = useNetworksCore({ adapter: options.adapter })
  const common = useCommonMessages(ctx)
  const text = useAreaMessages(ctx, 'form', formMessages)
  const messages = computed(() => ({ common: common.value, form: text.value }))

  // Every query and mutation runs on the adapter in effect here.
  const scope = { adapter: ctx.adapter }
  const domainsQuery = useNetworkDomains(scope)
  const countriesQuery = useCountries(scope)
  const createMutation = useCreateInvitation(scope)
  const updateMutation = useUpdateInvitation(scope)

  /** The invitation being edited, updated after each successful save. */
  const current = shallowRef(toValue(options.invitation))
  const mode = computed<InvitationFormMode>(() => (current.value ? 'edit' : 'create'))

  const allowed = computed(() => (mode.value === 'create' ? ctx.can('createInvitation') : updateMutation.supported && ctx.can('updateInvitation')))
  const showFee = computed(() => toValue(options.monetization) ?? ctx.monetization.value)
  const showCountry = computed(() => mode.value === 'create' && countriesQuery.supported)
  /** The fields on screen, in form order (in edit mode the domain is shown read-only: not a field). */
  const shown = computed(() =>
    INVITATION_FORM_FIELDS.filter((name) => name === 'email' || (name === 'domain_id' ? mode.value === 'create' : name === 'country_id' ? showCountry.value : showFee.value)),
  )

  const form = useForm<InvitationFormValues, InvitationFormOutput>({
    // Typed over the raw control values; the output is the normalised input. A change of messages
    // makes a new schema, and vee-validate re-validates the fields on screen in the new wording.
    validationSchema: computed(() => {
      const msgs = { form: text.value }
      return zodTypedSchema(createInvitationFormSchema(mode.value), {
        mapIssue: (issue, path, values) => invitationIssueMessage(issue, path, values, msgs),
      }) as unknown as TypedSchema<InvitationFormValues, InvitationFormOutput>
    }),
    initialValues: initialValues(current.value),
  })

  // Validate on blur and change; while typing only once the field shows an error, so a fix clears it at once.
  const lazy = (state: { errors: string[] }) => ({
    validateOnBlur: true,
    validateOnChange: true,
    validateOnInput: false,
    validateOnModelUpdate: state.errors.length > 0,
  })
  const fields = Object.fromEntries(
    INVITATION_FORM_FIELDS.map((name) => {
      const [model, attrs] = form.defineField(name, lazy)
      return [name, { model, attrs, error: computed(() => form.errors.value[name]) }]
    }),
  ) as UseInvitationFormReturn['fields']

  const status = shallowRef<InvitationFormStatus>('idle')
  const isSubmitting = shallowRef(false)
  const serverError = shallowRef<DescribedError | null>(null)
  const result = shallowRef<NetworkInvitation | null>(null)

  const domains = domainsQuery.domains
  const noDomains = computed(() => !domainsQuery.isLoading.value && !domainsQuery.error.value && domains.value.length === 0)

  const serverErrorMessage = computed(() => {
    const described = serverError.value
    if (!described) return ''
    const { fields: fieldErrors, retryAfter } = described.error
    const parts = [described.message]
    // Field errors of fields not on screen have nowhere else to go.
    for (const [name, message] of Object.entries(fieldErrors)) {
      if (message && !shown.value.includes(name as InvitationFormField) && !parts.includes(message)) parts.push(message)
    }
    if (described.retryable) parts.push(retryAfter && retryAfter > 0 ? text.value.retryAfter(retryAfter) : text.value.retryHint)
    return parts.join(' ')
  })

  const statusMessage = computed(() =>
    status.value === 'success' && result.value ? text.value[mode.value === 'create' ? 'sent' : 'resent'](result.value.email) : '',
  )

  const resetTo = (invitation: NetworkInvitation | undefined) => form.resetForm({ values: initialValues(invitation) }, { force: true })

  function reset(): void {
    resetTo(current.value)
    status.value = 'idle'
    serverError.value = null
    result.value = null
  }

  watch(
    () => toValue(options.invitation),
    (next) => {
      const sameInvitation = next !== undefined && next.id === current.value?.id
      current.value = next
      if (!sameInvitation) reset()
      // The same invitation, refreshed (e.g. the host passes back what `updated` emitted): keep the status,
      // and take its values unless the user has started editing.
      else if (!form.meta.value.dirty) resetTo(next)
    },
  )

  function send(output: InvitationFormOutput): Promise<NetworkInvitation> {
    const editing = current.value
    if (editing) return updateMutation.mutateAsync({ id: editing.id, input: invitationChanges(editing, output, showFee.value) })
    const input: CreateInvitationInput = { email: output.email, domain_id: output.domain_id }
    if (showCountry.value && output.country_id !== undefined) input.country_id = output.country_id
    if (showFee.value && output.fee_proposed !== undefined) input.fee_proposed = output.fee_proposed
    return createMutation.mutateAsync(input)
  }

  const validateAndSend = form.handleSubmit(
    async (output) => {
      const invitation = await send(output)
      const edited = mode.value === 'edit'
      if (edited) current.value = invitation
      resetTo(current.value)
      result.value = invitation
      status.value = 'success'
      if (edited) options.onUpdated?.(invitation)
      else options.onCreated?.(invitation)
      return invitation
    },
    ({ errors }) => {
      status.value = 'idle'
      options.onInvalid?.(INVITATION_FORM_FIELDS.filter((name) => errors[name] !== undefined))
    },
    // vee-validate types the result as the callback's promise; at run time it is what that promise resolves to.
  ) as () => Promise<NetworkInvitation | undefined>

  /** Any failure, a refused request or an unexpected throw, is shown and reported; nothing escapes to the page. */
  function fail(thrown: unknown): undefined {
    const described = describeError(thrown, messages.value)
    const fieldErrors = described.error.fields
    serverError.value = described
    status.value = 'error'
    // The server's messages about fields on screen go next to them (`serverErrorMessage` has the others).
    const invalid = shown.value.filter((name) => fieldErrors[name] !== undefined)
    for (const name of invalid) form.setFieldError(name, fieldErrors[name])
    options.onError?.(described.error)
    if (invalid.length > 0) options.onInvalid?.(invalid)
    return undefined
  }

  let inFlight: Promise<NetworkInvitation | undefined> | null = null

  function submit(event?: Event): Promise<NetworkInvitation | undefined> {
    event?.preventDefault()
    if (inFlight) return inFlight
    if (!allowed.value || (mode.value === 'create' && (domainsQuery.isLoading.value || noDomains.value))) return Promise.resolve(undefined)
    isSubmitting.value = true
    status.value = 'submitting'
    serverError.value = null
    return (inFlight = validateAndSend()
      .catch(fail)
      .finally(() => {
        isSubmitting.value = false
        inFlight = null
      }))
  }

  return {
    mode,
    allowed,
    fields,
    values: form.values,
    errors: form.errors as ComputedRef<Partial<Record<InvitationFormField, string>>>,
    submit,
    isSubmitting,
    status,
    serverError,
    serverErrorMessage,
    result,
    statusMessage,
    domains,
    selectedDomain: computed(() => domainsQuery.domainById.value.get(form.values.domain_id)),
    domainsLoading: domainsQuery.isLoading,
    domainsError: computed(() => domainsQuery.error.value && describeError(domainsQuery.error.value, messages.value)),
    retryDomains: domainsQuery.refetch,
    noDomains,
    countries: countriesQuery.countries,
    showCountry,
    showFee,
    reset,
    messages,
  }
}
