import type { NetworkFormatters } from '../../core/format'
import type { Network } from '../../core/types'
import type { NetworkMessages } from '../../messages'

/** "2.5% proposed Jan 3, 2026 by your account": the proposer is the child when its id matches, else the session. */
export function proposalText(row: Network, messages: Pick<NetworkMessages, 'networks' | 'common'>, format: NetworkFormatters): string {
  const m = messages.networks
  if (row.fee_proposed === undefined) return messages.common.none
  const date = row.proposed_date !== undefined ? format.date(row.proposed_date) : ''
  const by = row.proposed_account_id === undefined ? '' : row.proposed_account_id === row.account_id ? row.account_title : m.proposedByYou
  return m.proposal(format.percent(row.fee_proposed), date, by)
}
