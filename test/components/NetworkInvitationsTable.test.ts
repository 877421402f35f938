import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { h, ref } from 'vue'
import { createMockAdapter, MOCK_IDS } from '../../src/adapters/mock'
import NetworkInvitationsTable from '../../src/components/NetworkInvitationsTable.vue'
import type { NetworksAdapter } from '../../src/core/adapter'
import { createFormatters } from '../../src/core/format'
import type { NetworkInvitation, RecordList } from '../../src/core/types'
import { axeViolations } from '../helpers/axe'
import type { RecordedCall } from '../helpers/record-calls'
import { button, cellTexts, choose, control, dialogTitle, headers, listCallsAfter, openDialog, queryButton, root, rows, settle, tableHarness, text, hostErrorSlot, waitHostError, typeInto, waitDialog, waitRows, XSS_IMG, XSS_JS } from '../helpers/table-harness'

const format = createFormatters('en-US')

const { setup, mountTable, mounted } = tableHarness(NetworkInvitationsTable, {
  props: (backend) => ({ now: () => backend.clock.now() }),
  cleanup: () => vi.useRealTimers(),
})

const listQueries = (rec: { calls: RecordedCall[] }) => rec.calls.filter((c) => c.operation === 'listInvitations').map((c) => c.args[0])
const loaded = (count = 25) => waitRows(count)

describe('NetworkInvitationsTable: seed data', () => {
  it('shows the columns and formatted cells of the first page, with the total and pages', async () => {
    const { mock } = setup()
    await loaded()
    expect(headers()).toEqual(['Created', 'Recipient', 'Account type', 'Proposed fee', 'Expires', 'Status', 'Actions'])
    const first = (await mock.listInvitations({ page: 1, records: 25 })).list[0]!
    const row = rows()[0]!
    const cells = cellTexts(row)
    expect(cells[0]).toBe(format.date(first.created))
    expect(cells[1]).toBe(first.email)
    expect(cells[2]).toBe('Restaurant')
    expect(cells[3]).toBe(format.percent(first.fee_proposed!))
    expect(cells[4]).toContain('expires in 2 days')
    expect(cells[5]).toBe('Pending')
    const link = row.querySelector('a')!
    expect(link.getAttribute('href')).toBe(`mailto:${encodeURIComponent(first.email)}`)
    const time = row.querySelector('time')!
    expect(time.getAttribute('title')).toBe(format.dateTime(first.expires))
    expect(time.getAttribute('datetime')).toBe(new Date(first.expires * 1000).toISOString())
    expect(time.getAttribute('tabindex')).toBe('0')
    expect(text(time)).toContain(format.dateTime(first.expires))
    expect(text(root().querySelector('nav'))).toContain('34 invitations')
    expect(text(root().querySelector('nav'))).toContain('Page 1 of 2')
  })

  it('labels every status, shows "expired … ago" for expired rows and no expiry for accepted ones', async () => {
    setup({ props: { records: 50 } })
    await loaded(34)
    const byStatus = (label: string) => rows().filter((r) => cellTexts(r)[5] === label)
    expect(byStatus('Pending').length).toBeGreaterThan(0)
    expect(byStatus('Expired').length).toBeGreaterThan(0)
    expect(byStatus('Accepted').length).toBeGreaterThan(0)
    for (const r of byStatus('Expired')) expect(cellTexts(r)[4]).toMatch(/^expired (?!in )/)
    for (const r of byStatus('Accepted')) {
      expect(cellTexts(r)[4]).toBe('—')
      expect(r.querySelector('[aria-label^="Edit"]')).toBeNull()
      expect(r.querySelector('[aria-label^="Delete"]')).not.toBeNull()
    }
    for (const r of [...byStatus('Pending'), ...byStatus('Expired')]) {
      const email = cellTexts(r)[1]
      expect(r.querySelector(`[aria-label="Edit and resend invitation to ${email}"]`)).not.toBeNull()
    }
  })

  it('hides the fee column when monetization is off', async () => {
    setup({ plugin: { monetization: false } })
    await loaded()
    expect(headers()).toEqual(['Created', 'Recipient', 'Account type', 'Expires', 'Status', 'Actions'])
  })

  it('falls back to the domain id when the domain is unknown', async () => {
    const mock = createMockAdapter()
    const adapter: NetworksAdapter = Object.assign(Object.create(mock) as NetworksAdapter, { listNetworkDomains: () => Promise.resolve([]) })
    mountTable({ now: () => mock.backend.clock.now() }, { adapter })
    await loaded()
    expect(cellTexts(rows()[0]!)[2]).toBe(MOCK_IDS.domains.restaurant)
  })

  it('is axe-clean once loaded', async () => {
    setup({ props: { records: 10 } })
    await loaded(10)
    expect(await axeViolations(root())).toEqual([])
  }, 20_000)
})

describe('NetworkInvitationsTable: list machinery', () => {
  it('prefetches page 2, then shows it and page 1 again without another request', async () => {
    const { rec } = setup()
    await loaded()
    await vi.waitFor(() => expect(listQueries(rec)).toEqual([{ search: '', filter: '', page: 1, records: 25 }, { search: '', filter: '', page: 2, records: 25 }]))
    const firstPageEmails = rows().map((r) => cellTexts(r)[1])
    button('Next').click()
    await loaded(9)
    expect(text(root().querySelector('nav'))).toContain('Page 2 of 2')
    expect(button('Next').disabled).toBe(true)
    button('Previous').click()
    await loaded(25)
    expect(rows().map((r) => cellTexts(r)[1])).toEqual(firstPageEmails)
    expect(rec.count('listInvitations')).toBe(2)
  })

  it('keeps the current rows visible with a polite "Updating…" while another page loads', async () => {
    const { backend } = setup()
    await loaded()
    backend.setLatency(200)
    await choose(control('Rows per page'), '10')
    await vi.waitFor(() => expect(text(root().querySelector('[role="status"][aria-live="polite"]'))).toContain('Updating…'))
    expect(rows()).toHaveLength(25)
    expect(root().querySelector('table')?.getAttribute('aria-busy')).toBe('true')
    await loaded(10)
    expect(text(root().querySelector('.vnw-invitations-table__status'))).not.toContain('Updating…')
  })

  it('debounces the search: five quick keystrokes make one request with the search, after 300 ms', async () => {
    const { rec } = setup()
    await loaded()
    await vi.waitFor(() => expect(rec.count('listInvitations')).toBe(2))
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const search = control('Search invitations')
    for (const value of ['r', 're', 'res', 'rest', 'resta']) {
      await typeInto(search, value)
      await vi.advanceTimersByTimeAsync(40)
    }
    await vi.advanceTimersByTimeAsync(259)
    expect(rec.count('listInvitations')).toBe(2)
    await vi.advanceTimersByTimeAsync(1)
    vi.useRealTimers()
    await vi.waitFor(() => expect(rec.count('listInvitations')).toBe(3))
    expect(listQueries(rec)[2]).toEqual({ search: 'resta', filter: '', page: 1, records: 25 })
    await vi.waitFor(() => expect(rows().every((r) => cellTexts(r)[2] === 'Restaurant')).toBe(true))
    expect(search.value).toBe('resta')
  })

  it.each(['pending', 'expired', 'active'] as const)('filters by status %s: the request carries the filter and every row has it', async (status) => {
    const { rec } = setup()
    await loaded()
    const select = control('Status')
    expect(Array.from(select.options).map((o) => text(o))).toEqual(['All', 'Pending', 'Expired', 'Accepted'])
    await choose(select, status)
    await vi.waitFor(() => expect(listQueries(rec)).toContainEqual({ search: '', filter: status, page: 1, records: 25 }))
    const label = { pending: 'Pending', expired: 'Expired', active: 'Accepted' }[status]
    await vi.waitFor(() => {
      expect(rows().length).toBeGreaterThan(0)
      expect(rows().every((r) => cellTexts(r)[5] === label)).toBe(true)
    })
  })

  it('changes the page size and goes back to page 1', async () => {
    const { rec } = setup()
    await loaded()
    button('Next').click()
    await loaded(9)
    await choose(control('Rows per page'), '10')
    await loaded(10)
    expect(listQueries(rec)).toContainEqual({ search: '', filter: '', page: 1, records: 10 })
    expect(text(root().querySelector('nav'))).toContain('Page 1 of 4')
    expect(Array.from(control('Rows per page').options).map((o) => o.value)).toEqual(['10', '25', '50', '100'])
  })

  it('exposes the page through v-model:page', async () => {
    setup({ props: { page: 2 } })
    await loaded(9)
    button('Previous').click()
    await flushPromises()
    expect(mounted().emitted('update:page')).toEqual([[1]])
  })
})

describe('NetworkInvitationsTable: states', () => {
  it('shows a busy skeleton while the first page loads', async () => {
    const { backend } = setup({ backend: { latency: 400 } })
    await flushPromises()
    const table = root().querySelector('table')!
    expect(table.getAttribute('aria-busy')).toBe('true')
    expect(root().querySelectorAll('tr.vnw-data-table__row--skeleton').length).toBeGreaterThanOrEqual(3)
    expect(text(root().querySelector('.vnw-data-table [role="status"]'))).toBe('Loading…')
    expect(headers()[0]).toBe('Created')
    backend.setLatency(0)
    await vi.waitFor(() => expect(rows()).toHaveLength(25), { timeout: 3000 })
    expect(root().querySelector('tr.vnw-data-table__row--skeleton')).toBeNull()
    expect(root().querySelector('table')!.getAttribute('aria-busy')).toBeNull()
  })

  it('shows "No invitations yet" with an Invite button when there are none', async () => {
    setup({ backend: { seed: false } })
    await vi.waitFor(() => expect(text(root())).toContain('No invitations yet'))
    expect(root().querySelector('table')).toBeNull()
    expect(root().querySelectorAll('.vnw-data-table__empty button')).toHaveLength(1)
    expect(text(root().querySelector('.vnw-data-table__empty button'))).toBe('Invite an account')
    expect(await axeViolations(root())).toEqual([])
  })

  it('shows "No invitations match" with Clear filters when a search finds nothing', async () => {
    const { rec } = setup({ props: { debounce: 0 } })
    await loaded()
    const search = control('Search invitations')
    await typeInto(search, 'nobody-here')
    await vi.waitFor(() => expect(text(root())).toContain('No invitations match'))
    const before = rec.count('listInvitations')
    button('Clear filters').click()
    await loaded()
    expect(search.value).toBe('')
    expect(text(root())).not.toContain('No invitations match')
    // The unfiltered first page is still fresh in the cache: no request.
    expect(rec.count('listInvitations')).toBe(before)
  })

  it('shows the error with a retry, and the rows after retrying', async () => {
    const { rec } = setup({ before: (backend) => backend.failNext(500, 'listInvitations') })
    const emitted = () => mounted().emitted('error') ?? []
    await vi.waitFor(() => expect(queryButton('Try again')).not.toBeNull())
    expect(text(root().querySelector('.vnw-invitations-table__error'))).not.toBe('Try again')
    expect(root().querySelector('table')).toBeNull()
    expect(emitted()).toHaveLength(1)
    expect(await axeViolations(root())).toEqual([])
    button('Try again').click()
    await loaded()
    expect(rec.count('listInvitations')).toBeGreaterThanOrEqual(2)
  })

  it.each([
    [401, 'Your session has ended. Sign in again to continue.'],
    [403, "You don't have access to networks. Ask an administrator of your account."],
  ] as const)('shows the no-access message on %i, without a retry', async (status, message) => {
    setup({ before: (backend) => backend.failNext(status, 'listInvitations') })
    await vi.waitFor(() => expect(text(root().querySelector('.vnw-invitations-table__error'))).toBe(message))
    expect(queryButton('Try again')).toBeNull()
  })

  it('without any permission: a clear message, no request, no Invite', async () => {
    const { rec } = setup({ plugin: { can: () => false } })
    await flushPromises()
    expect(text(root())).toContain("You don't have access to network invitations.")
    expect(rec.count('listInvitations')).toBe(0)
    expect(queryButton('Invite an account')).toBeNull()
    expect(await axeViolations(root())).toEqual([])
  })

  it('with read access only: the list shows, but no Invite, row actions or actions column', async () => {
    setup({ plugin: { can: (action) => action === 'listInvitations' || action === 'listNetworkDomains' } })
    await loaded()
    expect(queryButton('Invite an account')).toBeNull()
    expect(root().querySelectorAll('tbody button')).toHaveLength(0)
    expect(headers()).not.toContain('Actions')
  })

  it('hides actions the adapter cannot perform', async () => {
    const mock = createMockAdapter()
    const { updateInvitation: _u, deleteInvitation: _d, ...rest } = mock
    const adapter: NetworksAdapter = rest
    mountTable({ now: () => mock.backend.clock.now() }, { adapter })
    await loaded()
    expect(root().querySelectorAll('tbody button')).toHaveLength(0)
    expect(queryButton('Invite an account')).not.toBeNull()
  })
})

describe('NetworkInvitationsTable: delete', () => {
  async function askDeleteFirst() {
    const ctx = setup()
    await loaded()
    const email = cellTexts(rows()[0]!)[1]!
    const opener = button(`Delete invitation to ${email}`)
    opener.focus()
    opener.click()
    await flushPromises()
    return { ...ctx, email, opener }
  }

  it('asks first, naming the email; Cancel sends nothing and returns focus', async () => {
    const { rec, email, opener } = await askDeleteFirst()
    const dialog = openDialog()!
    expect(dialog).not.toBeNull()
    expect(dialogTitle(dialog)).toBe('Delete invitation')
    expect(text(dialog)).toContain(`Delete the invitation to ${email}?`)
    expect(document.activeElement).toBe(button('Cancel'))
    expect(await axeViolations(root())).toEqual([])
    button('Cancel').click()
    await flushPromises()
    expect(openDialog()).toBeNull()
    expect(rec.count('deleteInvitation')).toBe(0)
    expect(document.activeElement).toBe(opener)
    expect(rows()).toHaveLength(25)
  })

  it('Escape closes the confirmation without deleting', async () => {
    const { rec, opener } = await askDeleteFirst()
    openDialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(openDialog()).toBeNull()
    expect(document.activeElement).toBe(opener)
    expect(rec.count('deleteInvitation')).toBe(0)
  })

  it('removes the row at once, then reports the deletion', async () => {
    const { rec, email, backend } = await askDeleteFirst()
    backend.setLatency(30)
    button('Delete invitation').click()
    await flushPromises()
    expect(rows().map((r) => cellTexts(r)[1])).not.toContain(email)
    expect(rec.count('deleteInvitation')).toBe(1)
    await vi.waitFor(() => expect(text(root().querySelector('.vnw-invitations-table__status'))).toContain(`The invitation to ${email} was deleted.`))
    expect(mounted().emitted('deleted')?.[0]?.[0]).toMatchObject({ email })
    await vi.waitFor(() => expect(text(root().querySelector('nav'))).toContain('33 invitations'))
    expect(rows().map((r) => cellTexts(r)[1])).not.toContain(email)
    expect(root().contains(document.activeElement)).toBe(true)
  })

  it('puts the row back with a message when the server refuses', async () => {
    const { rec, email, backend } = await askDeleteFirst()
    backend.failNext(500, 'deleteInvitation')
    // Slow answers: the row must be back from the rollback, not from the refetch that follows.
    backend.setLatency(150)
    button('Delete invitation').click()
    await flushPromises()
    expect(rows().map((r) => cellTexts(r)[1])).not.toContain(email)
    await vi.waitFor(() => expect(text(root().querySelector('[role="alert"]'))).toContain(`The invitation to ${email} was not deleted.`))
    expect(rows().map((r) => cellTexts(r)[1])).toContain(email)
    expect(rows()[0] && cellTexts(rows()[0]!)[1]).toBe(email)
    expect(rec.count('deleteInvitation')).toBe(1)
    expect(mounted().emitted('deleted')).toBeUndefined()
    expect(mounted().emitted('error')?.[0]?.[0]).toMatchObject({ status: 500 })
  })

  it('shows the no-access message when deleting is forbidden (403)', async () => {
    const { email, backend } = await askDeleteFirst()
    backend.failNext(403, 'deleteInvitation')
    button('Delete invitation').click()
    await vi.waitFor(() => expect(text(root().querySelector('[role="alert"]'))).toContain("You don't have access to networks."))
    expect(rows().map((r) => cellTexts(r)[1])).toContain(email)
  })

  it('on 404 (deleted elsewhere meanwhile) the row disappears with a notice', async () => {
    const { email, backend, rec } = await askDeleteFirst()
    const id = (rec.calls[0]!.operation === 'listInvitations' ? (await rec.adapter.listInvitations({})).list : []).find((i) => i.email === email)!.id
    backend.api.deleteInvitation(id)
    button('Delete invitation').click()
    await vi.waitFor(() => expect(text(root().querySelector('.vnw-invitations-table__status'))).toContain('This invitation no longer exists.'))
    expect(rows().map((r) => cellTexts(r)[1])).not.toContain(email)
    expect(mounted().emitted('error')?.[0]?.[0]).toMatchObject({ status: 404 })
    await vi.waitFor(() => expect(text(root().querySelector('nav'))).toContain('33 invitations'))
    expect(rows().map((r) => cellTexts(r)[1])).not.toContain(email)
  })

  it('sends one request however often Confirm is clicked', async () => {
    const { rec, backend } = await askDeleteFirst()
    backend.setLatency(20)
    const confirm = button('Delete invitation')
    confirm.click()
    confirm.click()
    confirm.click()
    await flushPromises()
    await vi.waitFor(() => expect(text(root().querySelector('.vnw-invitations-table__status'))).toContain('was deleted'))
    expect(rec.count('deleteInvitation')).toBe(1)
  })
})

describe('NetworkInvitationsTable: invite and edit', () => {
  it('Edit opens the form in a dialog labelled with the email; Escape closes it and focus returns', async () => {
    setup()
    await loaded()
    const email = cellTexts(rows()[0]!)[1]!
    const opener = button(`Edit and resend invitation to ${email}`)
    expect(opener.tagName).toBe('BUTTON')
    expect(opener.type).toBe('button')
    opener.focus()
    opener.click()
    const dialog = await vi.waitFor(() => {
      const d = openDialog()
      expect(d).not.toBeNull()
      return d!
    })
    expect(dialogTitle(dialog)).toBe(`Edit and resend the invitation to ${email}`)
    await vi.waitFor(() => expect(control('Email', dialog).value).toBe(email))
    expect(dialog.contains(document.activeElement)).toBe(true)
    expect(await axeViolations(root())).toEqual([])
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(openDialog()).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('saving the edit closes the dialog, emits updated and patches the row', async () => {
    const { rec } = setup()
    await loaded()
    const email = cellTexts(rows()[0]!)[1]!
    button(`Edit and resend invitation to ${email}`).click()
    const dialog = await waitDialog()
    const input = await vi.waitFor(() => control('Email', dialog))
    await typeInto(input, 'changed@example.com')
    button('Save and resend').click()
    await vi.waitFor(() => expect(openDialog()).toBeNull())
    expect(rec.count('updateInvitation')).toBe(1)
    expect(mounted().emitted('updated')?.[0]?.[0]).toMatchObject({ email: 'changed@example.com' })
    await vi.waitFor(() => expect(rows().map((r) => cellTexts(r)[1])).toContain('changed@example.com'))
    expect(text(root().querySelector('.vnw-invitations-table__status'))).toContain('Invitation to changed@example.com updated and resent.')
  })

  it('Invite opens the form; after sending the dialog closes and the new row appears without a blank table', async () => {
    const { rec } = setup()
    await loaded()
    const opener = button('Invite an account')
    opener.focus()
    opener.click()
    const dialog = await waitDialog()
    expect(dialogTitle(dialog)).toBe('Invite an account')
    await vi.waitFor(() => expect(control('Account type', dialog).options.length).toBeGreaterThan(1))
    await typeInto(control('Email', dialog), 'new.partner@example.com')
    await choose(control('Account type', dialog), MOCK_IDS.domains.retailer)
    let sawEmpty = false
    const observer = new MutationObserver(() => {
      if (rows().length === 0) sawEmpty = true
    })
    observer.observe(root(), { childList: true, subtree: true })
    button('Send invitation').click()
    await vi.waitFor(() => expect(openDialog()).toBeNull())
    expect(mounted().emitted('created')?.[0]?.[0]).toMatchObject({ email: 'new.partner@example.com' })
    await vi.waitFor(() => expect(cellTexts(rows()[0]!)[1]).toBe('new.partner@example.com'))
    observer.disconnect()
    expect(sawEmpty).toBe(false)
    expect(rec.count('createInvitation')).toBe(1)
    expect(text(root().querySelector('nav'))).toContain('35 invitations')
    expect(document.activeElement).toBe(opener)
  })
})

describe('NetworkInvitationsTable: host slots', () => {
  type Scope = { row: NetworkInvitation; value: unknown }

  it('a <column>-cell slot replaces that cell, given the row and the raw value; the other cells keep theirs', async () => {
    const { mock } = setup({
      slots: {
        'email-cell': ({ row, value }: Scope) => h('strong', { class: 'host-email' }, `${String(value)} (${row.status})`),
        'fee-cell': ({ value }: Scope) => `fee=${String(value)}`,
      },
    })
    await loaded()
    const first = (await mock.listInvitations({ page: 1, records: 25 })).list[0]!
    const cells = cellTexts(rows()[0]!)
    expect(cells[1]).toBe(`${first.email} (${first.status})`)
    expect(rows()[0]!.querySelector('td > strong.host-email')).not.toBeNull()
    expect(rows()[0]!.querySelector('a[href^="mailto:"]')).toBeNull()
    expect(cells[3]).toBe(`fee=${String(first.fee_proposed)}`)
    expect(cells[0]).toBe(format.date(first.created))
    expect(cells[5]).toBe('Pending')
  })

  it('the actions slot replaces the row buttons and acts on its row', async () => {
    const picked: string[] = []
    const { mock } = setup({ slots: { actions: ({ row }: Scope) => h('button', { type: 'button', onClick: () => picked.push(row.id) }, `Open ${row.email}`) } })
    await loaded()
    const first = (await mock.listInvitations({ page: 1, records: 25 })).list[0]!
    expect(queryButton(`Edit and resend invitation to ${first.email}`)).toBeNull()
    expect(queryButton(`Delete invitation to ${first.email}`)).toBeNull()
    button(`Open ${first.email}`).click()
    expect(picked).toEqual([first.id])
  })

  it('the toolbar slot adds controls that can open the invite dialog', async () => {
    setup({ slots: { toolbar: ({ invite }: { invite: (() => void) | null }) => h('button', { type: 'button', onClick: () => invite?.() }, 'Invite from the toolbar') } })
    await loaded()
    button('Invite from the toolbar').click()
    expect(dialogTitle(await waitDialog())).toBe('Invite an account')
  })

  it.each([
    ['no invitations', { backend: { seed: false } }, false],
    ['a search that finds nothing', { props: { debounce: 0 } }, true],
  ] as const)('the empty slot replaces the empty state (%s), told whether a filter hides the rows', async (_, options, filtered) => {
    setup({
      ...options,
      slots: { empty: (p: { filtered: boolean; clear: () => void }) => h('button', { type: 'button', onClick: p.clear }, `Nothing here (filtered: ${p.filtered})`) },
    })
    if (filtered) {
      await loaded()
      await typeInto(control('Search invitations'), 'nobody-here')
    }
    const custom = await vi.waitFor(() => button(`Nothing here (filtered: ${filtered})`))
    expect(text(root())).not.toContain('No invitations')
    if (filtered) {
      custom.click()
      await loaded()
      expect(control('Search invitations').value).toBe('')
    }
  })

  it('the error slot replaces the error state, with the message and a working retry', async () => {
    setup({
      before: (backend) => backend.failNext(500, 'listInvitations'),
      slots: hostErrorSlot,
    })
    const custom = await waitHostError()
    expect(text(custom)).toMatch(/^Failed: \S/)
    expect(queryButton('Try again')).toBeNull()
    custom.click()
    await loaded()
  })
})

describe('NetworkInvitationsTable: the invite form is built while the browser is idle', () => {
  /** A controllable `requestIdleCallback`: the test decides when the browser is idle. */
  function stubIdle() {
    const pending = new Map<number, (deadline: IdleDeadline) => void>()
    let next = 0
    vi.stubGlobal('requestIdleCallback', (callback: (deadline: IdleDeadline) => void) => (pending.set(++next, callback), next))
    vi.stubGlobal('cancelIdleCallback', (id: number) => pending.delete(id))
    return {
      pending,
      /** Runs the pending callbacks in an idle period with `remaining` ms left. */
      async idle(remaining = 50) {
        const callbacks = [...pending.values()]
        pending.clear()
        for (const callback of callbacks) callback({ didTimeout: false, timeRemaining: () => remaining })
        await flushPromises()
      },
    }
  }
  const closedForm = () => root().querySelector('dialog:not([open]) form')
  afterEach(() => vi.unstubAllGlobals())

  it('Invite shows the form built when idle (the same controls), and a cancelled draft is not kept', async () => {
    const browser = stubIdle()
    const { rec } = setup()
    await loaded()
    expect(closedForm()).toBeNull()
    await browser.idle()
    const prepared = await vi.waitFor(() => {
      const form = closedForm()
      expect(form).not.toBeNull()
      return control('Email', form!)
    })
    button('Invite an account').click()
    const dialog = await waitDialog()
    expect(dialogTitle(dialog)).toBe('Invite an account')
    expect(control('Email', dialog)).toBe(prepared)
    expect(document.activeElement).toBe(prepared)
    await typeInto(prepared, 'draft@example.com')
    button('Cancel').click()
    await vi.waitFor(() => expect(openDialog()).toBeNull())
    expect(closedForm()).toBeNull()
    await browser.idle()
    await vi.waitFor(() => expect(closedForm()).not.toBeNull())
    button('Invite an account').click()
    expect(control('Email', await waitDialog()).value).toBe('')
    expect(rec.count('listCountries')).toBe(1)
    expect(rec.count('createInvitation')).toBe(0)
  })

  it('Edit, once the invite form was built when idle, shows the invitation', async () => {
    const browser = stubIdle()
    setup()
    await loaded()
    await browser.idle()
    await vi.waitFor(() => expect(closedForm()).not.toBeNull())
    const email = cellTexts(rows()[0]!)[1]!
    button(`Edit and resend invitation to ${email}`).click()
    const dialog = await waitDialog()
    expect(dialogTitle(dialog)).toBe(`Edit and resend the invitation to ${email}`)
    await vi.waitFor(() => expect(control('Email', dialog).value).toBe(email))
  })

  it('waits for an idle period with room for the build (10 ms or more)', async () => {
    const browser = stubIdle()
    setup()
    await loaded()
    await browser.idle(4)
    expect(closedForm()).toBeNull()
    expect(browser.pending.size).toBe(1)
    await browser.idle(12)
    await vi.waitFor(() => expect(closedForm()).not.toBeNull())
    expect(browser.pending.size).toBe(0)
  })

  it('builds nothing ahead when the table offers no Invite (edit only): no form, no countries request', async () => {
    const browser = stubIdle()
    const { rec } = setup({ plugin: { can: (action) => action !== 'createInvitation' } })
    await loaded()
    expect(queryButton('Invite an account')).toBeNull()
    expect(browser.pending.size).toBe(0)
    await browser.idle()
    expect(closedForm()).toBeNull()
    expect(rec.count('listCountries')).toBe(0)
  })

  it('follows the Invite permission: granted later, the form is built when idle; withdrawn, the built form goes', async () => {
    const browser = stubIdle()
    const inviting = ref(false)
    setup({ plugin: { can: (action) => action !== 'createInvitation' || inviting.value } })
    await loaded()
    expect(browser.pending.size).toBe(0)
    inviting.value = true
    await flushPromises()
    expect(queryButton('Invite an account')).not.toBeNull()
    expect(browser.pending.size).toBe(1)
    await browser.idle()
    await vi.waitFor(() => expect(closedForm()).not.toBeNull())
    inviting.value = false
    await flushPromises()
    expect(closedForm()).toBeNull()
    expect(browser.pending.size).toBe(0)
  })

  it('unmounting before the browser is idle cancels the pending build', async () => {
    const browser = stubIdle()
    setup()
    await loaded()
    expect(browser.pending.size).toBe(1)
    mounted().unmount()
    expect(browser.pending.size).toBe(0)
  })
})

describe('NetworkInvitationsTable: untrusted strings', () => {
  it('renders XSS payloads in emails and domain titles as inert text', async () => {
    const list: RecordList<NetworkInvitation> = {
      list: [
        { id: 'nwi_1', created: 1767000000, domain_id: 'dom_x', email: XSS_IMG, expires: 1767500000, status: 'pending' },
        { id: 'nwi_2', created: 1767000000, domain_id: 'dom_y', email: XSS_JS, expires: 1767500000, status: 'pending' },
        { id: 'nwi_3', created: 1767000000, domain_id: 'dom_x', email: 'ok@example.com', expires: 1767500000, status: 'pending' },
      ],
      total: 3,
      search: '',
      filter: '',
      filters: [XSS_IMG],
      pages: 1,
    }
    const adapter: NetworksAdapter = {
      listNetworkDomains: () => Promise.resolve([{ id: 'dom_x', title: XSS_IMG, description: XSS_IMG }, { id: 'dom_y', title: XSS_JS, description: '' }]),
      createInvitation: () => Promise.reject(new Error('unused')),
      listInvitations: () => Promise.resolve(structuredClone(list)),
      activateInvitation: () => Promise.reject(new Error('unused')),
      deleteInvitation: () => Promise.resolve(),
    }
    mountTable({ now: 1767200000 }, { adapter })
    await loaded(3)
    expect(root().querySelector('img')).toBeNull()
    expect(cellTexts(rows()[0]!)[1]).toBe(XSS_IMG)
    expect(cellTexts(rows()[0]!)[2]).toBe(XSS_IMG)
    expect(cellTexts(rows()[1]!)[1]).toBe(XSS_JS)
    expect(cellTexts(rows()[1]!)[2]).toBe(XSS_JS)
    const hrefs = Array.from(root().querySelectorAll('a')).map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual(['mailto:ok%40example.com'])
    expect(Array.from(root().querySelectorAll('[href], [src]')).some((el) => /javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? ''))).toBe(false)
    expect(Array.from(control('Status').options).map((o) => text(o))).toContain(XSS_IMG)
    button(`Delete invitation to ${XSS_IMG}`).click()
    await flushPromises()
    expect(text(openDialog())).toContain(`Delete the invitation to ${XSS_IMG}?`)
    expect(root().querySelector('img')).toBeNull()
  })
})

describe('NetworkInvitationsTable: requests per write (one write plus at most one list refresh)', () => {
  /** The list requests made after the first `operation` call. */
  const listsAfter = (rec: { calls: RecordedCall[] }, operation: string) => listCallsAfter(rec, operation, 'listInvitations')
  async function ready() {
    const ctx = setup()
    await loaded()
    // Page 1 and the prefetched page 2 are both in the cache.
    await vi.waitFor(() => expect(ctx.rec.count('listInvitations')).toBe(2))
    await settle()
    return ctx
  }

  it('create: exactly one createInvitation, then at most one listInvitations', async () => {
    const { rec } = await ready()
    button('Invite an account').click()
    const dialog = await waitDialog()
    await vi.waitFor(() => expect(control('Account type', dialog).options.length).toBeGreaterThan(1))
    await typeInto(control('Email', dialog), 'one.request@example.com')
    await choose(control('Account type', dialog), MOCK_IDS.domains.retailer)
    button('Send invitation').click()
    await vi.waitFor(() => expect(cellTexts(rows()[0]!)[1]).toBe('one.request@example.com'))
    await settle()
    expect(rec.count('createInvitation')).toBe(1)
    expect(listsAfter(rec, 'createInvitation').length).toBeLessThanOrEqual(1)
  })

  it('edit: exactly one updateInvitation, then at most one listInvitations', async () => {
    const { rec } = await ready()
    const email = cellTexts(rows()[0]!)[1]!
    button(`Edit and resend invitation to ${email}`).click()
    const dialog = await waitDialog()
    const input = await vi.waitFor(() => control('Email', dialog))
    await typeInto(input, 'edited.once@example.com')
    button('Save and resend').click()
    await vi.waitFor(() => expect(openDialog()).toBeNull())
    await vi.waitFor(() => expect(rows().map((r) => cellTexts(r)[1])).toContain('edited.once@example.com'))
    await settle()
    expect(rec.count('updateInvitation')).toBe(1)
    expect(listsAfter(rec, 'updateInvitation').length).toBeLessThanOrEqual(1)
  })

  it('delete: exactly one deleteInvitation, then at most one listInvitations', async () => {
    const { rec } = await ready()
    const email = cellTexts(rows()[0]!)[1]!
    button(`Delete invitation to ${email}`).click()
    await waitDialog()
    button('Delete invitation').click()
    await vi.waitFor(() => expect(text(root().querySelector('nav'))).toContain('33 invitations'))
    await settle()
    expect(rec.count('deleteInvitation')).toBe(1)
    expect(listsAfter(rec, 'deleteInvitation').length).toBeLessThanOrEqual(1)
    expect(rows().map((r) => cellTexts(r)[1])).not.toContain(email)
  })
})
