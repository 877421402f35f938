/**
 * Requests per user flow, counted at the adapter (a recording wrapper over the mock adapter): what a host's API
 * would see. Each flow asserts its target, so `npm run bench` reports PASS/MISS per target; counts are written to
 * bench/.out/requests.json for bench/run.mjs.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMockAdapter, type MockAdapter } from '../../src/adapters/mock'
import { NetworkActivation, NetworkInvitationForm, NetworkInvitationsTable, NetworksTable } from '../../src/components'
import type { NetworksOperation } from '../../src/core/adapter'
import { createAccountNetworks } from '../../src/plugin'
import { recordCalls } from '../../test/helpers/record-calls'

const SEARCH = 'restauran' // 9 letters: matches the "Restaurant" account type
const KEY_INTERVAL_MS = 150
const DEBOUNCE_MS = 300

interface FlowResult {
  flow: string
  requests: Partial<Record<NetworksOperation, number>>
  target: string
  pass: boolean
  note?: string
}
const results: FlowResult[] = []

let mock: MockAdapter
let rec: ReturnType<typeof recordCalls<MockAdapter>>
let wrapper: VueWrapper

const tally = () => {
  const out: Partial<Record<NetworksOperation, number>> = {}
  for (const call of rec.calls) out[call.operation] = (out[call.operation] ?? 0) + 1
  return out
}
const listCalls = () => rec.calls.filter((c) => c.operation === 'listInvitations').map((c) => c.args[0] as Record<string, unknown>)
const invitationsTable = () => document.querySelector('.vnw-invitations-table')!
const invitationRows = () => invitationsTable().querySelectorAll('tbody tr.vnw-data-table__row:not(.vnw-data-table__row--skeleton)')
const openDialog = () => document.querySelector<HTMLDialogElement>('dialog[open]')
function fill(el: HTMLInputElement | HTMLSelectElement | null, value: string) {
  if (!el) throw new Error('no field')
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
  el.dispatchEvent(new Event('change', { bubbles: true }))
}
function record(flow: string, target: string, pass: boolean, note?: string) {
  results.push({ flow, requests: tally(), target, pass, ...(note ? { note } : {}) })
}
/** Records and asserts a change's target: `operation` called once, the invitation list refreshed at most once. */
function expectOneChangeAndRefresh(flow: string, operation: NetworksOperation, verb: string) {
  const counts = tally()
  const lists = counts.listInvitations ?? 0
  record(flow, `${operation} = 1, listInvitations <= 1`, counts[operation] === 1 && lists <= 1, `list requests after ${verb}: pages [${listCalls().map((q) => q.page).join(', ')}]`)
  expect(counts[operation]).toBe(1)
  expect(lists).toBeLessThanOrEqual(1)
}

beforeAll(() => {
  mock = createMockAdapter()
  rec = recordCalls(mock)
})

afterAll(() => {
  wrapper?.unmount()
  mkdirSync('bench/.out', { recursive: true })
  writeFileSync('bench/.out/requests.json', `${JSON.stringify({ search: SEARCH, keyIntervalMs: KEY_INTERVAL_MS, debounceMs: DEBOUNCE_MS, flows: results }, null, 2)}\n`)
})

describe('requests per user flow', () => {
  it('mounting a page with the form and both tables fetches domains once', async () => {
    const Page = defineComponent(() => () => h('main', [h(NetworkInvitationForm), h(NetworkInvitationsTable, { debounce: DEBOUNCE_MS }), h(NetworksTable)]))
    wrapper = mount(Page, { global: { plugins: [createAccountNetworks({ adapter: rec.adapter, locale: 'en-US' })] }, attachTo: document.body })
    await vi.waitFor(() => expect(invitationRows().length).toBe(25))
    await vi.waitFor(() => expect(document.querySelectorAll('.vnw-networks-table tbody tr.vnw-data-table__row').length).toBeGreaterThan(0))
    await flushPromises()
    const counts = tally()
    const pages = listCalls().map((q) => q.page)
    record('mount page (form + both tables)', 'listNetworkDomains = 1', counts.listNetworkDomains === 1, `listInvitations pages requested: ${pages.join(', ')} (page 2 is a prefetch)`)
    expect(counts.listNetworkDomains).toBe(1)
  })

  it('typing a 9-letter search at human speed makes one list request once it settles', async () => {
    rec.reset()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    try {
      const input = invitationsTable().querySelector<HTMLInputElement>('input[type="search"]')!
      for (let i = 1; i <= SEARCH.length; i++) {
        fill(input, SEARCH.slice(0, i))
        await vi.advanceTimersByTimeAsync(KEY_INTERVAL_MS)
      }
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 1000)
    } finally {
      vi.useRealTimers()
    }
    await flushPromises()
    await vi.waitFor(() => expect(invitationRows().length).toBeGreaterThan(0))
    const searches = listCalls().filter((q) => q.page === 1 || q.page === undefined).map((q) => String(q.search ?? ''))
    const partial = searches.filter((s) => s !== SEARCH)
    const prefetches = listCalls().filter((q) => (q.page ?? 1) !== 1).length
    record(
      `type "${SEARCH}" (${KEY_INTERVAL_MS} ms/key, ${DEBOUNCE_MS} ms debounce)`,
      'one list request per settled search',
      searches.length === 1 && partial.length === 0,
      `page-1 requests: ${searches.length} (${searches.map((s) => JSON.stringify(s)).join(', ')}); next-page prefetches: ${prefetches}`,
    )
    expect(searches).toEqual([SEARCH])
  })

  it('paging forward and back: no request for a page seen within the cache time', async () => {
    // Back to the unfiltered list (page 1 of it is cached from the mount).
    const input = invitationsTable().querySelector<HTMLInputElement>('input[type="search"]')!
    fill(input, '')
    await vi.waitFor(() => expect(invitationRows().length).toBe(25))
    await flushPromises()
    rec.reset()
    const next = invitationsTable().querySelector<HTMLButtonElement>('.vnw-list-pagination__next')!
    const firstBefore = invitationRows()[0]?.textContent
    next.click()
    await vi.waitFor(() => expect(invitationRows()[0]?.textContent).not.toBe(firstBefore))
    await flushPromises()
    const forward = listCalls().map((q) => q.page)
    rec.reset()
    invitationsTable().querySelector<HTMLButtonElement>('.vnw-list-pagination__previous')!.click()
    await vi.waitFor(() => expect(invitationRows()[0]?.textContent).toBe(firstBefore))
    await flushPromises()
    const back = listCalls().map((q) => q.page)
    record('page 1 → 2 → 1', 'returning to page 1: 0 requests', back.length === 0, `forward requested pages [${forward.join(', ')}] (2 was prefetched); back requested [${back.join(', ')}]`)
    expect(back).toEqual([])
  })

  it('create: one POST plus at most one list refresh', async () => {
    rec.reset()
    const form = document.querySelector<HTMLFormElement>('main > .vnw-invitation-form form')!
    fill(form.querySelector('input[name="email"]'), 'new.buyer@fresh-market.example.com')
    fill(form.querySelector('select[name="domain_id"]'), 'dom_retailer')
    await flushPromises()
    form.requestSubmit()
    await vi.waitFor(() => expect(tally().createInvitation).toBe(1))
    await vi.waitFor(() => expect(invitationsTable().textContent).toContain('new.buyer@fresh-market.example.com'))
    await flushPromises()
    expectOneChangeAndRefresh('create (standalone form)', 'createInvitation', 'create')
  })

  it('edit: one update plus at most one list refresh', async () => {
    rec.reset()
    const edit = invitationsTable().querySelector<HTMLButtonElement>('.vnw-invitations-table__edit')!
    edit.click()
    await vi.waitFor(() => expect(openDialog()).not.toBeNull())
    const dialog = openDialog()!
    fill(dialog.querySelector('input[name="email"]'), 'edited.buyer@fresh-market.example.com')
    await flushPromises()
    dialog.querySelector<HTMLFormElement>('form')!.requestSubmit()
    await vi.waitFor(() => expect(tally().updateInvitation).toBe(1))
    await vi.waitFor(() => expect(openDialog()).toBeNull())
    await vi.waitFor(() => expect(invitationsTable().textContent).toContain('edited.buyer@fresh-market.example.com'))
    await flushPromises()
    expectOneChangeAndRefresh('edit (table dialog)', 'updateInvitation', 'edit')
  })

  it('delete: one DELETE plus at most one list refresh', async () => {
    rec.reset()
    const row = invitationRows()[0]!
    const email = row.querySelector('.vnw-invitations-table__email')?.textContent?.trim() ?? ''
    row.querySelector<HTMLButtonElement>('.vnw-invitations-table__delete')!.click()
    await vi.waitFor(() => expect(openDialog()).not.toBeNull())
    openDialog()!.querySelector<HTMLButtonElement>('.vnw-confirm-dialog__confirm')!.click()
    await vi.waitFor(() => expect(tally().deleteInvitation).toBe(1))
    await vi.waitFor(() => expect(Array.from(invitationRows()).some((r) => r.querySelector('.vnw-invitations-table__email')?.textContent?.trim() === email)).toBe(false))
    await flushPromises()
    expectOneChangeAndRefresh('delete (table confirm)', 'deleteInvitation', 'delete')
  })

  it('activation: one request', async () => {
    wrapper.unmount()
    document.body.innerHTML = ''
    // A fresh invitation made on the server side (not through the adapter, so not counted).
    mock.backend.api.createInvitation({ email: 'to.activate@corner-deli.example.com', domain_id: 'dom_restaurant' })
    const email = mock.backend.outbox().find((e) => e.kind === 'invitation' && e.to === 'to.activate@corner-deli.example.com')
    const token = email ? mock.backend.tokenFromEmail(email) : null
    expect(token).toBeTruthy()
    rec.reset()
    wrapper = mount(NetworkActivation, {
      props: { token: token! },
      global: { plugins: [createAccountNetworks({ adapter: rec.adapter, locale: 'en-US' })] },
      attachTo: document.body,
    })
    await vi.waitFor(() => expect(document.querySelector('.vnw-network-activation__activate')).not.toBeNull())
    document.querySelector<HTMLButtonElement>('.vnw-network-activation__activate')!.click()
    document.querySelector<HTMLButtonElement>('.vnw-network-activation__activate')?.click()
    await vi.waitFor(() => expect(document.querySelector('.vnw-network-activation')?.getAttribute('data-state')).toBe('activated'))
    await flushPromises()
    const counts = tally()
    const total = rec.calls.length
    record('activation (Activate clicked twice)', 'activateInvitation = 1, nothing else', counts.activateInvitation === 1 && total === 1, `all requests: ${JSON.stringify(counts)}`)
    expect(counts.activateInvitation).toBe(1)
    expect(total).toBe(1)
  })
})
