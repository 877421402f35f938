/**
 * The render bench page. `window.bench` mounts either the real `NetworkInvitationsTable` or the hand-written
 * `Plain` baseline over the same mock backend (zero latency, 250 invitations), and times each step in the page:
 * from the click (or mount call) until the expected DOM change is there and the next frame has been painted.
 */
import { createApp, h, type App } from 'vue'
import { createMockAdapter, MOCK_DEFAULT_INVITATION_LIFETIME, MOCK_IDS, type MockAdapter, type MockInvitationRecord } from '../../src/adapters/mock/index'
import { createAccountNetworks } from '../../src/plugin'
import { NetworkInvitationsTable } from '../../src/components/index'
import Plain from './Plain.vue'

type Mode = 'library' | 'plain'
type Step = 'next' | 'invite' | 'submit' | 'delete' | 'confirm'

const TOTAL = 250
const SELECTORS: Record<Mode, Record<'row' | 'next' | 'invite' | 'delete' | 'confirm', string>> = {
  library: {
    row: 'tbody tr.vnw-data-table__row:not(.vnw-data-table__row--skeleton)',
    next: '.vnw-list-pagination__next',
    invite: '.vnw-invitations-table__invite',
    delete: '.vnw-invitations-table__delete',
    confirm: '.vnw-confirm-dialog__confirm',
  },
  plain: { row: 'tbody tr', next: '.plain__next', invite: '.plain__invite', delete: '.plain__delete', confirm: '.plain__confirm' },
}

let app: App | null = null
let mode: Mode = 'library'
let adapter: MockAdapter | null = null
let run = 0

const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(null)
  })
/** Resolves after the next frame has been painted (rAF, then a task after it). */
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)))

async function until(condition: () => boolean, what: string, timeoutMs = 10_000) {
  const start = performance.now()
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`)
    await nextTask()
  }
}

const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector)
const rows = () => Array.from(document.querySelectorAll(SELECTORS[mode].row))
const openDialog = () => $<HTMLDialogElement>('dialog[open]')
const rowText = () => rows()[0]?.textContent ?? ''

function records(): MockInvitationRecord[] {
  const now = adapter!.backend.clock.now()
  const domains = [MOCK_IDS.domains.retailer, MOCK_IDS.domains.restaurant]
  return Array.from({ length: TOTAL }, (_, i) => ({
    id: `nwi_${String(i).padStart(16, '0')}`,
    parent_account_id: MOCK_IDS.accounts.harbor,
    created: now - i * 3600,
    domain_id: domains[i % 2]!,
    email: `buyer.${i}@shop-${i % 37}.example.com`,
    ...(i % 3 === 0 ? {} : { fee_proposed: (i % 5) + 0.5 }),
    expires: now - i * 3600 + MOCK_DEFAULT_INVITATION_LIFETIME,
    activated: null,
    token: `tok_${String(i).padStart(40, '0')}`,
  }))
}

async function mount(which: Mode, perPage: number): Promise<number> {
  unmount()
  mode = which
  adapter = createMockAdapter({ seed: false })
  const backend = adapter.backend
  backend.store.$patch((state) => {
    state.invitations = records()
  })
  const host = document.getElementById('app')!
  await afterNextPaint()
  const start = performance.now()
  app =
    which === 'library'
      ? createApp({ render: () => h(NetworkInvitationsTable, { records: perPage, now: () => backend.clock.now() }) }).use(
          createAccountNetworks({ adapter, locale: 'en-US' }),
        )
      : createApp({ render: () => h(Plain, { adapter: adapter!, records: perPage }) })
  app.mount(host)
  await until(() => rows().length === perPage, `${perPage} rows`)
  await afterNextPaint()
  return performance.now() - start
}

function unmount() {
  app?.unmount()
  app = null
}

function setField(selector: string, value: string) {
  const el = $<HTMLInputElement | HTMLSelectElement>(selector)
  if (!el) throw new Error(`bench: no ${selector}`)
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
  el.dispatchEvent(new Event('change', { bubbles: true }))
}

let deletedEmail = ''

/** Performs one step; returns milliseconds from the click to the painted result. */
async function step(name: Step): Promise<number> {
  const s = SELECTORS[mode]
  let target: HTMLElement | null
  let done: () => boolean
  switch (name) {
    case 'next': {
      const before = rowText()
      target = $(s.next)
      done = () => rows().length > 0 && rowText() !== before
      break
    }
    case 'invite':
      target = $(s.invite)
      done = () => openDialog() !== null
      break
    case 'submit': {
      run += 1
      setField('dialog[open] input[name="email"]', `bench.${run}.${Date.now()}@newshop.example.com`)
      setField('dialog[open] select[name="domain_id"]', MOCK_IDS.domains.retailer)
      await afterNextPaint()
      target = $('dialog[open] button[type="submit"]')
      done = () => openDialog() === null
      break
    }
    case 'delete': {
      const first = rows()[0]
      deletedEmail = first?.querySelector('a')?.textContent?.trim() ?? ''
      target = first?.querySelector<HTMLElement>(s.delete) ?? null
      done = () => openDialog() !== null
      break
    }
    case 'confirm':
      target = $(s.confirm)
      done = () => openDialog() === null && deletedEmail !== '' && !rows().some((row) => row.querySelector('a')?.textContent?.trim() === deletedEmail)
      break
  }
  if (!target) throw new Error(`bench: nothing to click for ${name}`)
  const start = performance.now()
  target.click()
  await until(done, name)
  await afterNextPaint()
  return performance.now() - start
}

declare global {
  interface Window {
    bench: { mount: typeof mount; step: typeof step; unmount: typeof unmount; ready: boolean }
  }
}
window.bench = { mount, step, unmount, ready: true }
