/**
 * The suite's checks, fed the output of deliberately broken adapters wrapped around the mock, must throw:
 * this is what makes the conformance suite able to fail.
 */
import { describe, expect, it } from 'vitest'
import { MOCK_IDS } from '../../src/adapters/mock'
import type { NetworkInvitation } from '../../src/core'
import {
  ConformanceError,
  assertApiError,
  assertInvitation,
  assertInvitationList,
  assertNoSecret,
  assertSingleActivation,
  assertStatusAgreesWithClock,
  assertTokenRejected,
  createMockConformanceSubject,
  invitationTokenFor,
  rejectionOf,
} from '../../src/testing'

async function invited() {
  const subject = createMockConformanceSubject()
  const email = 'ada@example.com'
  const invitation = await subject.adapter.createInvitation({ email, domain_id: MOCK_IDS.domains.retailer })
  const token = invitationTokenFor(await subject.control.outbox(), email)
  return { subject, invitation, token }
}

describe('checks against broken adapters', () => {
  it('catches an adapter that returns the token with the invitation', async () => {
    const { invitation, token } = await invited()
    const leaky = { ...invitation, activation_url: `https://app.example/networks?token=${token}` }
    expect(() => assertInvitation(leaky)).not.toThrow()
    expect(() => assertNoSecret(leaky, token)).toThrow(ConformanceError)
    expect(() => assertNoSecret(invitation, token)).not.toThrow()
  })

  it('catches an adapter that miscounts pages', async () => {
    const { subject } = await invited()
    const list = await subject.adapter.listInvitations({ records: 1 })
    expect(() => assertInvitationList(list, { records: 1 })).not.toThrow()
    expect(() => assertInvitationList({ ...list, pages: list.pages + 1 }, { records: 1 })).toThrow(ConformanceError)
    expect(() => assertInvitationList({ ...list, total: list.total + 1 }, { records: 1 })).toThrow(ConformanceError)
  })

  it('catches an adapter that ignores the status filter', async () => {
    const { subject } = await invited()
    const ignoring = await subject.adapter.listInvitations()
    expect(() => assertInvitationList({ ...ignoring, filter: 'expired' }, { filter: 'expired' })).toThrow(/status "pending"/)
    expect(() => assertInvitationList(ignoring, { filter: 'expired' })).toThrow(/echoes filter/)
  })

  it('catches an adapter that reports a stale status', async () => {
    const { subject, invitation } = await invited()
    await subject.control.advanceClock(invitation.expires - invitation.created)
    const stale: NetworkInvitation = { ...invitation, status: 'pending' }
    expect(() => assertStatusAgreesWithClock(stale, subject.backend.clock.now())).toThrow(ConformanceError)
  })

  it('catches an adapter that lets a raw Error escape', async () => {
    const { subject } = await invited()
    const raw = (async () => {
      try {
        return await subject.adapter.createInvitation({ email: 'nope', domain_id: MOCK_IDS.domains.retailer })
      } catch (error) {
        throw new Error(String(error))
      }
    })()
    expect(() => assertApiError(undefined)).toThrow(ConformanceError)
    const error = await rejectionOf(raw)
    expect(() => assertApiError(error, { type: 'user', field: 'email' })).toThrow(/Expected a NetworkApiError/)
  })

  it('catches an adapter that loses the token reason', async () => {
    const { subject, token } = await invited()
    await subject.adapter.activateInvitation(token)
    const error = await rejectionOf(subject.adapter.activateInvitation(token))
    expect(() => assertTokenRejected(error, 'token_used')).not.toThrow()
    expect(() => assertTokenRejected(error, 'token_invalid')).toThrow(ConformanceError)
  })

  it('catches a backend that lets one token activate twice', async () => {
    const { subject, token } = await invited()
    const first = await subject.adapter.activateInvitation(token)
    expect(() => assertSingleActivation([{ status: 'fulfilled', value: first }, { status: 'fulfilled', value: { ...first, account_id: 'acc_second' } }])).toThrow(
      /2 of 2 concurrent activations/,
    )
  })
})
