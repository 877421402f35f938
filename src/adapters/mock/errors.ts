/** The errors the mock backend throws, worded like the real API's (every `message` is fit to show a person). */
import { NetworkApiError } from '../../core/errors'
import { fieldErrors, describeIssue } from '../../core/schemas'
import type * as z from 'zod/mini'

/** 400 `user` error for form input, with `fields` naming the inputs at fault. */
export function fieldError(fields: Record<string, string>, devMessage?: string): NetworkApiError {
  return new NetworkApiError({
    status: 400,
    type: 'user',
    message: 'Some fields need your attention.',
    fields,
    reason: 'validation',
    devMessage: devMessage ?? `Invalid input: ${Object.keys(fields).join(', ')}`,
  })
}

/** 400 `user` error from a failed zod parse of form input. */
export function zodFieldError(error: z.core.$ZodError): NetworkApiError {
  return fieldError(fieldErrors(error), describeIssue(error))
}

/** 400 `codebase` error: the integration sent something no form could produce (not an object, a bad id...). */
export function codebaseError(devMessage: string): NetworkApiError {
  return new NetworkApiError({
    status: 400,
    type: 'codebase',
    message: 'Something went wrong with this request. Please try again.',
    reason: 'validation',
    devMessage,
  })
}

/** 401: no session. */
export function unauthenticatedError(): NetworkApiError {
  return new NetworkApiError({
    status: 401,
    type: 'user',
    message: 'Your session has ended. Sign in again.',
    reason: 'unauthenticated',
  })
}

/** 403: the session's access map does not allow the operation. */
export function forbiddenError(devMessage?: string): NetworkApiError {
  return new NetworkApiError({
    status: 403,
    type: 'user',
    message: "You don't have access to networks.",
    reason: 'forbidden',
    devMessage,
  })
}

/** 404 `codebase`: the id is unknown or belongs to another account (indistinguishable on purpose). */
export function notFoundError(what: 'invitation' | 'network' | 'resource', id?: string): NetworkApiError {
  const message =
    what === 'invitation'
      ? 'This invitation no longer exists. Refresh the list and try again.'
      : what === 'network'
        ? 'This network no longer exists. Refresh the list and try again.'
        : 'This item no longer exists.'
  return new NetworkApiError({
    status: 404,
    type: 'codebase',
    message,
    reason: 'not_found',
    devMessage: id === undefined ? `No such ${what}` : `No ${what} with id ${JSON.stringify(id)} for the session account`,
  })
}

/** 404 `codebase`, reason `unsupported`: the backend is configured without this operation. */
export function unsupportedError(operation: string): NetworkApiError {
  return new NetworkApiError({
    status: 404,
    type: 'codebase',
    message: 'This feature is not available.',
    reason: 'unsupported',
    devMessage: `The mock backend is configured without ${operation}`,
  })
}

/** The activation-token failures, each with its status and a message for the person holding the link. */
export const TOKEN_ERRORS = {
  token_malformed: {
    status: 400,
    message: 'This activation link is incomplete or damaged. Open the link from the email again, or copy all of it.',
  },
  token_invalid: {
    status: 404,
    message: 'This activation link is not valid. Check that you opened the link from the latest invitation email.',
  },
  token_expired: { status: 410, message: 'This invitation has expired. Ask the sender to send a new one.' },
  token_used: { status: 409, message: 'This invitation has already been accepted. Sign in to your account instead.' },
  token_revoked: { status: 410, message: 'This invitation was withdrawn by the sender. Ask them to send a new one if needed.' },
  token_replaced: {
    status: 410,
    message: 'A newer invitation was sent to this address; use the link in the latest email.',
  },
} as const satisfies Record<string, { status: number; message: string }>

/** A reason an activation token is refused. */
export type TokenErrorReason = keyof typeof TOKEN_ERRORS

/** The `user` error for a refused activation token. */
export function tokenError(reason: TokenErrorReason, devMessage?: string): NetworkApiError {
  const { status, message } = TOKEN_ERRORS[reason]
  return new NetworkApiError({ status, type: 'user', message, reason, devMessage })
}
