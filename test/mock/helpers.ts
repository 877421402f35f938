import type { NetworkApiError } from '../../src/core/errors'
import { assertApiError, rejectionOf, type ExpectedApiError } from '../../src/testing/assertions'
import { createMockAdapter, type MockAdapter, type MockBackendOptions, type MockEmail } from '../../src/adapters/mock'

/** What an expected `NetworkApiError` must look like: the conformance suite's expectation, with the type required. */
export type ExpectedError = ExpectedApiError & { type: NetworkApiError['type'] }

/** Awaits `promise`, asserts it rejects with a `NetworkApiError` matching `expected`, and returns the error. */
export async function expectApiError(promise: Promise<unknown>, expected: ExpectedError): Promise<NetworkApiError> {
  return assertApiError(await rejectionOf(promise), expected)
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
