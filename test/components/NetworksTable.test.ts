import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import NetworksTable from '../../src/components/NetworksTable.vue'
import type { NetworksAdapter } from '../../src/core/adapter'
import { createFormatters } from '../../src/core/format'
import type { Network } from '../../src/core/types'
import { axeViolations } from '../helpers/axe'
import type { RecordedCall } from '../helpers/record-calls'
import { button, cellTexts, control, dialogTitle, headers, listCallsAfter, openDialog, root, rows, settle, tableHarness, text, hostErrorSlot, waitHostError, typeInto, waitDialog, waitRows, XSS_IMG, XSS_JS } from '../helpers/table-harness'

const format = createFormatters('en-US')

const { setup, mountTable, mounted } = tableHarness(NetworksTable)

const rowOf = (title: string) => rows().find((r) => cellTexts(r)[0] === title)
const loaded = (count = 13) => waitRows(count)

/** The seed's networks of the signed-in parent, as the adapter lists them. */
async function seedNetworks(mock: NetworksAdapter): Promise<Network[]> {
  return (await mock.listNetworks!({ records: 100 })).list
}

describe('NetworksTable: seed data', () => {
  it('shows account, type, the agreed fee and the pending proposal apart, with the total', async () => {
    const { mock } = setup()
    await loaded()
    expect(headers()).toEqual(['Account', 'Account type', 'Agreed fee', 'Pending fee proposal', 'Actions'])
    const networks = await seedNetworks(mock)
    const byParent = networks.find((n) => n.fee_proposed !== undefined && n.proposed_account_id === 'acc_harbor')!
    const byChild = networks.find((n) => n.fee_proposed !== undefined && n.proposed_account_id === n.account_id)!
    const none = networks.find((n) => n.fee_proposed === undefined)!
    const parentRow = rowOf(byParent.account_title)!
    expect(cellTexts(parentRow).slice(0, 4)).toEqual([
      byParent.account_title,
      byParent.domain_title,
      format.percent(byParent.fee),
      `${format.percent(byParent.fee_proposed!)} proposed ${format.date(byParent.proposed_date!)} by your account`,
    ])
    expect(Array.from(parentRow.querySelectorAll('button')).map((b) => b.getAttribute('aria-label'))).toEqual([
      `Details of the network with ${byParent.account_title}`,
      `Propose fee to ${byParent.account_title}`,
      `Remove the network with ${byParent.account_title}`,
    ])
    expect(cellTexts(rowOf(byChild.account_title)!)[3]).toBe(
      `${format.percent(byChild.fee_proposed!)} proposed ${format.date(byChild.proposed_date!)} by ${byChild.account_title}`,
    )
    expect(cellTexts(rowOf(none.account_title)!)[3]).toBe('—')
    expect(text(root().querySelector('nav'))).toContain('13 networks')
    expect(await axeViolations(root())).toEqual([])
  }, 20_000)

  it('offers the server filters with labels and filters by them', async () => {
    const { rec } = setup()
    await loaded()
    const select = control('Filter')
    expect(Array.from(select.options).map((o) => text(o))).toEqual(['All', 'With a fee proposal'])
    select.value = 'proposed'
    select.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect(rec.calls.filter((c) => c.operation === 'listNetworks').at(-1)?.args[0]).toMatchObject({ filter: 'proposed', page: 1 }))
    await vi.waitFor(() => expect(rows().length).toBeLessThan(13))
    expect(rows().every((r) => cellTexts(r)[3] !== '—')).toBe(true)
  })

  it('hides fee columns and the fee action when monetization is off', async () => {
    setup({ plugin: { monetization: false } })
    await loaded()
    expect(headers()).toEqual(['Account', 'Account type', 'Actions'])
    expect(root().querySelector('[aria-label^="Propose"]')).toBeNull()
  })

  it('shows "No networks yet" when there are none', async () => {
    setup({ backend: { seed: false } })
    await vi.waitFor(() => expect(text(root())).toContain('No networks yet'))
    expect(root().querySelector('table')).toBeNull()
    expect(await axeViolations(root())).toEqual([])
  })

  it('shows the error with a retry, and the rows after retrying', async () => {
    setup({ before: (b) => b.failNext(500, 'listNetworks') })
    await vi.waitFor(() => expect(button('Try again')).toBeTruthy())
    expect(mounted().emitted('error')?.[0]?.[0]).toMatchObject({ status: 500 })
    expect(await axeViolations(root())).toEqual([])
    button('Try again').click()
    await loaded()
  })

  it('without list access or without listNetworks: a clear message and no request', async () => {
    const { rec } = setup({ plugin: { can: (a) => a !== 'listNetworks' } })
    await flushPromises()
    expect(text(root())).toContain("You don't have access to networks.")
    expect(rec.count('listNetworks')).toBe(0)
  })

  it('with read access only: rows and Details, but no fee or remove actions', async () => {
    setup({ plugin: { can: (a) => a === 'listNetworks' || a === 'getNetwork' } })
    await loaded()
    expect(root().querySelectorAll('tbody button[aria-label^="Details"]')).toHaveLength(13)
    expect(root().querySelector('[aria-label^="Propose"], [aria-label^="Remove"]')).toBeNull()
  })
})

describe('NetworksTable: propose a fee', () => {
  async function openPropose() {
    const ctx = setup()
    await loaded()
    const network = (await seedNetworks(ctx.mock)).find((n) => n.fee_proposed === undefined)!
    const opener = button(`Propose fee to ${network.account_title}`)
    opener.focus()
    opener.click()
    const dialog = await waitDialog()
    return { ...ctx, network, opener, dialog, input: control('New fee (%)', dialog) }
  }

  it.each([
    ['-1', 'The fee cannot be below 0%.'],
    ['101', 'The fee cannot be above 100%.'],
    ['1.234', 'Use at most two decimals, like 2.25.'],
    ['abc', 'Enter the fee as a number, like 2.5.'],
    ['', 'Enter a fee.'],
  ])('rejects %j with a message next to the field and sends nothing', async (value, message) => {
    const { rec, dialog, input } = await openPropose()
    expect(dialogTitle(dialog)).toMatch(/^Propose a new fee to /)
    await typeInto(input, value)
    button('Send proposal').click()
    await vi.waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'))
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ')
    const error = describedBy.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('vnw-field-error'))
    expect(text(error)).toBe(message)
    expect(input.value).toBe(value)
    expect(document.activeElement).toBe(input)
    expect(rec.count('updateNetwork')).toBe(0)
  })

  it('sends the proposal, closes, and shows it apart from the unchanged agreed fee', async () => {
    const { rec, network, input, opener } = await openPropose()
    expect(await axeViolations(root())).toEqual([])
    await typeInto(input, '2.5')
    button('Send proposal').click()
    await vi.waitFor(() => expect(openDialog()).toBeNull())
    expect(rec.calls.filter((c) => c.operation === 'updateNetwork').map((c) => c.args)).toEqual([[network.account_id, { fee: 2.5 }]])
    const cells = cellTexts(rowOf(network.account_title)!)
    expect(cells[2]).toBe(format.percent(network.fee))
    expect(cells[3]).toMatch(/^2\.5% proposed .+ by your account$/)
    expect(mounted().emitted('updated')?.[0]?.[0]).toMatchObject({ account_id: network.account_id, fee_proposed: 2.5, fee: network.fee })
    expect(text(root().querySelector('.vnw-networks-table__status'))).toContain(`A fee of 2.5% was proposed to ${network.account_title}.`)
    expect(document.activeElement).toBe(opener)
  }, 20_000)

  it('puts a server field error on the field and keeps the value', async () => {
    const { backend, input, rec } = await openPropose()
    backend.failNext({ status: 400, type: 'user', message: 'Check the fee.', fields: { fee: 'Fees are capped at 10% for this account.' } }, 'updateNetwork')
    await typeInto(input, '50')
    button('Send proposal').click()
    await vi.waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'))
    expect(text(openDialog())).toContain('Fees are capped at 10% for this account.')
    expect(input.value).toBe('50')
    expect(rec.count('updateNetwork')).toBe(1)
  })

  it('shows a retryable server failure in the dialog, then succeeds on the next try', async () => {
    const { backend, input, rec } = await openPropose()
    backend.failNext(500, 'updateNetwork')
    await typeInto(input, '3')
    button('Send proposal').click()
    await vi.waitFor(() => expect(openDialog()?.querySelector('[role="alert"]')).not.toBeNull())
    expect(input.value).toBe('3')
    button('Send proposal').click()
    await vi.waitFor(() => expect(openDialog()).toBeNull())
    expect(rec.count('updateNetwork')).toBe(2)
  })

  it('sends once however often the form is submitted meanwhile', async () => {
    const { backend, input, rec, dialog } = await openPropose()
    backend.setLatency(30)
    await typeInto(input, '4')
    const form = dialog.querySelector('form')!
    form.requestSubmit()
    form.requestSubmit()
    button('Send proposal').click()
    await vi.waitFor(() => expect(openDialog()).toBeNull())
    expect(rec.count('updateNetwork')).toBe(1)
  })

  it('Escape closes the dialog without sending and focus returns to the opener', async () => {
    const { rec, dialog, opener } = await openPropose()
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(openDialog()).toBeNull()
    expect(document.activeElement).toBe(opener)
    expect(rec.count('updateNetwork')).toBe(0)
  })
})

describe('NetworksTable: details and removal', () => {
  it('Details shows the network from getNetwork in a dialog', async () => {
    const { mock, rec } = setup()
    await loaded()
    const network = (await seedNetworks(mock)).find((n) => n.fee_proposed !== undefined)!
    const opener = button(`Details of the network with ${network.account_title}`)
    expect(opener.type).toBe('button')
    opener.focus()
    opener.click()
    const dialog = await waitDialog()
    expect(dialogTitle(dialog)).toBe(`Network with ${network.account_title}`)
    await vi.waitFor(() => expect(dialog.querySelector('dl')).not.toBeNull())
    expect(rec.calls.filter((c) => c.operation === 'getNetwork').map((c) => c.args)).toEqual([[network.account_id]])
    const dl = text(dialog.querySelector('dl'))
    expect(dl).toContain(network.account_id)
    expect(dl).toContain(network.domain_title)
    expect(dl).toContain(`Agreed fee${format.percent(network.fee)}`)
    expect(dl).toContain(`${format.percent(network.fee_proposed!)} proposed`)
    expect(dl).toContain(format.date(network.created))
    expect(await axeViolations(root())).toEqual([])
    button('Close').click()
    await flushPromises()
    expect(openDialog()).toBeNull()
    expect(document.activeElement).toBe(opener)
  }, 20_000)

  it('Details shows a loading state, then an error with retry', async () => {
    const { backend, rec } = setup()
    await loaded()
    backend.setLatency(100)
    backend.failNext(500, 'getNetwork')
    rows()[0]!.querySelector<HTMLButtonElement>('[aria-label^="Details"]')!.click()
    const dialog = await waitDialog()
    await vi.waitFor(() => expect(text(dialog)).toContain('Loading…'))
    await vi.waitFor(() => expect(dialog.querySelector('[role="alert"]')).not.toBeNull())
    backend.setLatency(0)
    Array.from(dialog.querySelectorAll('button')).find((b) => text(b) === 'Try again')!.click()
    await vi.waitFor(() => expect(dialog.querySelector('dl')).not.toBeNull())
    expect(rec.count('getNetwork')).toBe(2)
  })

  async function askRemove() {
    const ctx = setup()
    await loaded()
    const network = (await seedNetworks(ctx.mock))[0]!
    button(`Remove the network with ${network.account_title}`).click()
    const dialog = await waitDialog()
    return { ...ctx, network, dialog }
  }

  it('the confirmation says the child account stays active; Cancel sends nothing', async () => {
    const { dialog, network, rec } = await askRemove()
    expect(text(dialog)).toContain(`Remove the network with ${network.account_title}?`)
    expect(text(dialog)).toContain(`the account ${network.account_title} stays active`)
    button('Cancel').click()
    await flushPromises()
    expect(openDialog()).toBeNull()
    expect(rec.count('deleteNetwork')).toBe(0)
  })

  it('removes the row at once and emits deleted', async () => {
    const { network, rec, backend } = await askRemove()
    backend.setLatency(30)
    button('Remove network').click()
    await flushPromises()
    expect(rowOf(network.account_title)).toBeUndefined()
    await vi.waitFor(() => expect(mounted().emitted('deleted')?.[0]?.[0]).toMatchObject({ account_id: network.account_id }))
    expect(rec.calls.filter((c) => c.operation === 'deleteNetwork').map((c) => c.args)).toEqual([[network.account_id]])
    expect(text(root().querySelector('.vnw-networks-table__status'))).toContain('The account stays active.')
    await vi.waitFor(() => expect(text(root().querySelector('nav'))).toContain('12 networks'))
  })

  it('puts the row back with a message when the server refuses', async () => {
    const { network, backend } = await askRemove()
    backend.failNext(500, 'deleteNetwork')
    backend.setLatency(150)
    button('Remove network').click()
    await flushPromises()
    expect(rowOf(network.account_title)).toBeUndefined()
    await vi.waitFor(() => expect(text(root().querySelector('[role="alert"]'))).toContain(`The network with ${network.account_title} was not removed.`))
    expect(rowOf(network.account_title)).toBeDefined()
    expect(mounted().emitted('deleted')).toBeUndefined()
  })
})

describe('NetworksTable: host slots', () => {
  type Scope = { row: Network; value: unknown }

  it('a <column>-cell slot replaces that cell, given the row and the raw value; the other cells keep theirs', async () => {
    const { mock } = setup({
      slots: {
        'account-cell': ({ row, value }: Scope) => h('strong', { class: 'host-account' }, `${String(value)} [${row.account_id}]`),
        'fee-cell': ({ value }: Scope) => `fee=${String(value)}`,
      },
    })
    await loaded()
    const first = (await seedNetworks(mock))[0]!
    const cells = cellTexts(rows()[0]!)
    expect(cells[0]).toBe(`${first.account_title} [${first.account_id}]`)
    expect(rows()[0]!.querySelector('td > strong.host-account')).not.toBeNull()
    expect(cells[1]).toBe(first.domain_title)
    expect(cells[2]).toBe(`fee=${first.fee}`)
  })

  it('the actions slot replaces the row buttons and acts on its row', async () => {
    const picked: string[] = []
    const { mock } = setup({ slots: { actions: ({ row }: Scope) => h('button', { type: 'button', onClick: () => picked.push(row.account_id) }, `Open ${row.account_title}`) } })
    await loaded()
    const first = (await seedNetworks(mock))[0]!
    expect(rows()[0]!.querySelector('.vnw-networks-table__remove')).toBeNull()
    button(`Open ${first.account_title}`).click()
    expect(picked).toEqual([first.account_id])
  })

  it('the empty slot replaces the empty state; the error slot the error state, with a working retry', async () => {
    setup({
      backend: { seed: false },
      slots: { empty: (p: { filtered: boolean }) => h('p', { class: 'host-empty' }, `Nothing here (filtered: ${p.filtered})`) },
    })
    await vi.waitFor(() => expect(text(root().querySelector('.host-empty'))).toBe('Nothing here (filtered: false)'))
    expect(text(root())).not.toContain('No networks yet')
    mounted().unmount()
    setup({
      before: (backend) => backend.failNext(500, 'listNetworks'),
      slots: hostErrorSlot,
    })
    const custom = await waitHostError()
    expect(text(custom)).toMatch(/^Failed: \S/)
    custom.click()
    await loaded()
  })
})

describe('NetworksTable: untrusted strings', () => {
  it('renders XSS payloads in account and domain titles as inert text', async () => {
    const network: Network = { account_id: 'acc_x', account_title: XSS_IMG, domain_id: 'dom_x', domain_title: XSS_JS, fee: 1, created: 1767000000, fee_proposed: 2, proposed_account_id: 'acc_x', proposed_date: 1767000000 }
    const adapter: NetworksAdapter = {
      listNetworkDomains: () => Promise.resolve([]),
      createInvitation: () => Promise.reject(new Error('unused')),
      listInvitations: () => Promise.reject(new Error('unused')),
      activateInvitation: () => Promise.reject(new Error('unused')),
      listNetworks: () => Promise.resolve({ list: [structuredClone(network)], total: 1, search: '', filter: '', filters: [], pages: 1 }),
      getNetwork: () => Promise.resolve(structuredClone(network)),
      deleteNetwork: () => Promise.resolve({ parent_account_id: 'acc_p', child_account_id: 'acc_x' }),
    }
    mountTable(undefined, { adapter, locale: 'en-US' })
    await loaded(1)
    const cells = cellTexts(rows()[0]!)
    expect(cells[0]).toBe(XSS_IMG)
    expect(cells[1]).toBe(XSS_JS)
    expect(cells[3]).toContain(`by ${XSS_IMG}`)
    button(`Details of the network with ${XSS_IMG}`).click()
    const dialog = await waitDialog()
    await vi.waitFor(() => expect(dialog.querySelector('dl')).not.toBeNull())
    expect(dialogTitle(dialog)).toBe(`Network with ${XSS_IMG}`)
    expect(root().querySelector('img')).toBeNull()
    expect(root().querySelector('a[href]')).toBeNull()
  })
})

describe('NetworksTable: requests per write (one write plus at most one list refresh)', () => {
  /** The list requests made after the first `operation` call. */
  const listsAfter = (rec: { calls: RecordedCall[] }, operation: string) => listCallsAfter(rec, operation, 'listNetworks')
  async function ready() {
    // 10 a page: page 2 is prefetched, so a second list request would show.
    const ctx = setup({ props: { records: 10 } })
    await loaded(10)
    await vi.waitFor(() => expect(ctx.rec.count('listNetworks')).toBe(2))
    await settle()
    return ctx
  }

  it('remove: exactly one deleteNetwork, then at most one listNetworks', async () => {
    const { rec } = await ready()
    const title = cellTexts(rows()[0]!)[0]!
    button(`Remove the network with ${title}`).click()
    await waitDialog()
    button('Remove network').click()
    await vi.waitFor(() => expect(text(root().querySelector('nav'))).toContain('12 networks'))
    await settle()
    expect(rec.count('deleteNetwork')).toBe(1)
    expect(listsAfter(rec, 'deleteNetwork').length).toBeLessThanOrEqual(1)
  })

  it('propose a fee: exactly one updateNetwork, then at most one listNetworks', async () => {
    const { rec } = await ready()
    const title = cellTexts(rows()[0]!)[0]!
    button(`Propose fee to ${title}`).click()
    const dialog = await waitDialog()
    await typeInto(control('New fee (%)', dialog), '2.5')
    button('Send proposal').click()
    await vi.waitFor(() => expect(openDialog()).toBeNull())
    await settle()
    expect(rec.count('updateNetwork')).toBe(1)
    expect(listsAfter(rec, 'updateNetwork').length).toBeLessThanOrEqual(1)
  })
})
