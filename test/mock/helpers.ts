import { expect } from 'vitest'
import { isNetworkApiError, type NetworkApiError } from '../../src/core/errors'
import { createMockAdapter, type MockAdapter, type MockBackendOptions, type MockEmail } from '../../src/adapters/mock'

/** What an expected `NetworkApiError` must look like. */
export interface ExpectedError {
  /** Expected HTTP status; any when omitted. */
  status?: number
  type: NetworkApiError['type']
  reason?: string
  /** A key that must be in `fields`. */
  field?: string
}

/** Awaits `promise`, asserts it rejects with a `NetworkApiError` matching `expected`, and returns the error. */
export async function expectApiError(promise: Promise<unknown>, expected: ExpectedError): Promise<NetworkApiError> {
  let caught: unknown
  try {
    await promise
  } catch (error) {
    caught = error
  }
  expect(caught, 'expected a rejection').toBeDefined()
  expect(caught).not.toBeInstanceOf(TypeError)
  expect(isNetworkApiError(caught), `not a NetworkApiError: ${String(caught)}`).toBe(true)
  const error = caught as NetworkApiError
  if (expected.status !== undefined) expect(error.status).toBe(expected.status)
  expect(error.type).toBe(expected.type)
  if (expected.reason !== undefined) expect(error.reason).toBe(expected.reason)
  if (expected.field !== undefined) expect(Object.keys(error.fields)).toContain(expected.field)
  expect(error.message.length).toBeGreaterThan(0)
  return error
}

/** A fresh adapter over a fresh backend (own Pinia), seeded unless told otherwise. */
export function freshAdapter(options: MockBackendOptions = {}): MockAdapter {
  return createMockAdapter(options)
}

/** The last email in the outbox (fails the test when empty). */
export function lastEmail(adapter: MockAdapter): MockEmail {
  const outbox = adapter.backend.outbox()
  const email = outbox[outbox.length - 1]
  if (!email) throw new Error('outbox is empty')
  return email
}

/** Creates an invitation and returns it with the token taken from its email. */
export async function inviteWithToken(
  adapter: MockAdapter,
  email = 'jdoe@acme-corp.com',
  extra: { domain_id?: string; fee_proposed?: number; country_id?: string } = {},
) {
  const invitation = await adapter.createInvitation({ email, domain_id: extra.domain_id ?? 'dom_retailer', ...extra })
  const mail = lastEmail(adapter)
  const token = adapter.backend.tokenFromEmail(mail)
  if (token === null) throw new Error('no token in the email')
  return { invitation, token, mail }
}
