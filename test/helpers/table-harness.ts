import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, expect, vi } from 'vitest'
import { h, type Component, type VNodeChild } from 'vue'
import { createMockAdapter, type MockAdapterOptions, type MockBackend } from '../../src/adapters/mock'
import { accountNetworksKey, createAccountNetworks, type AccountNetworksContext, type AccountNetworksOptions } from '../../src/plugin'
import { recordCalls, type RecordedCall } from './record-calls'

/** Strings that must stay text wherever a table shows them. */
export const XSS_IMG = '<img src=x onerror=alert(1)>'
export const XSS_JS = 'javascript:alert(1)'

/** Options of a harness's `setup`. */
export interface TableSetupOptions {
  backend?: MockAdapterOptions
  plugin?: Omit<AccountNetworksOptions, 'adapter'>
  props?: Record<string, unknown>
  /** The host's slots (scoped slots as functions of their props). */
  slots?: Record<string, (scope: never) => VNodeChild>
  before?: (backend: MockBackend) => void
}

/**
 * Mounts a table component into the document (one per test) and unmounts it after each test.
 * `setup` mounts it on a recorded mock adapter; `mountTable` on any plugin options.
 */
export function tableHarness(
  component: Component,
  options: {
    /** Props every `setup` mount gets (before the test's own). */
    props?: (backend: MockBackend) => Record<string, unknown>
    /** Runs after each test, once the table is unmounted. */
    cleanup?: () => void
  } = {},
) {
  let wrapper: VueWrapper | undefined
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
    document.body.innerHTML = ''
    options.cleanup?.()
  })

  function mountTable(props: Record<string, unknown> | undefined, plugin: AccountNetworksOptions, slots?: TableSetupOptions['slots']): VueWrapper {
    wrapper = mount(component, { props, slots: slots as never, global: { plugins: [createAccountNetworks(plugin)] }, attachTo: document.body })
    current = wrapper
    return wrapper
  }

  function setup(setupOptions: TableSetupOptions = {}) {
    const mock = createMockAdapter(setupOptions.backend)
    setupOptions.before?.(mock.backend)
    const rec = recordCalls(mock)
    const mounted = mountTable({ ...options.props?.(mock.backend), ...setupOptions.props }, { adapter: rec.adapter, locale: 'en-US', ...setupOptions.plugin }, setupOptions.slots)
    return { wrapper: mounted, backend: mock.backend, rec, mock }
  }

  /** The table mounted in this test. */
  const mounted = (): VueWrapper => {
    if (!wrapper) throw new Error('No table mounted')
    return wrapper
  }

  return { setup, mountTable, mounted }
}

export const root = () => document.body
export const rows = () => Array.from(root().querySelectorAll<HTMLTableRowElement>('tbody tr.vnw-data-table__row:not(.vnw-data-table__row--skeleton)'))
export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
export const cellTexts = (row: Element) => Array.from(row.querySelectorAll('td')).map((td) => text(td))
export const headers = () => Array.from(root().querySelectorAll('thead th')).map((th) => text(th))
export const button = (name: string | RegExp) => {
  const found = Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((b) => {
    const label = b.getAttribute('aria-label') ?? text(b)
    return typeof name === 'string' ? label === name : name.test(label)
  })
  if (!found) throw new Error(`No button named ${String(name)}`)
  return found
}
export const queryButton = (name: string | RegExp) => {
  try {
    return button(name)
  } catch {
    return null
  }
}
export const control = (label: string, scope: ParentNode = root()) => {
  const l = Array.from(scope.querySelectorAll('label')).find((x) => text(x) === label)
  const el = l ? document.getElementById(l.htmlFor) : null
  if (!el) throw new Error(`No control labelled ${label}`)
  return el as HTMLInputElement & HTMLSelectElement
}
export const openDialog = () => root().querySelector<HTMLDialogElement>('dialog[open]')
export const waitDialog = () =>
  vi.waitFor(() => {
    const d = openDialog()
    if (!d) throw new Error('no open dialog')
    return d
  })
/** A host `error` slot: a button that shows the message and retries. */
export const hostErrorSlot = {
  error: (p: { message: string; retry: () => void }) => h('button', { type: 'button', class: 'host-error', onClick: p.retry }, `Failed: ${p.message}`),
}
/** Waits for the button of `hostErrorSlot`. */
export const waitHostError = () =>
  vi.waitFor(() => {
    const found = root().querySelector<HTMLButtonElement>('button.host-error')
    if (!found) throw new Error('no host error slot shown')
    return found
  })
export const dialogTitle = (d: HTMLDialogElement) => text(document.getElementById(d.getAttribute('aria-labelledby') ?? ''))
/** Waits until `count` rows are shown. */
export async function waitRows(count: number) {
  await vi.waitFor(() => expect(rows()).toHaveLength(count))
}
export async function typeInto(el: HTMLInputElement, value: string) {
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}
export async function choose(el: HTMLSelectElement, value: string) {
  el.value = value
  el.dispatchEvent(new Event('change', { bubbles: true }))
  await flushPromises()
}

/** The table mounted last (for `settle`). */
let current: VueWrapper | undefined

/** Waits until every background refetch, prefetch and mutation of the mounted table's QueryClient is done. */
export async function settle() {
  if (!current) throw new Error('No table mounted')
  const provides = current.vm.$.appContext.provides as Record<symbol, AccountNetworksContext | undefined>
  const client = provides[accountNetworksKey as symbol]?.queryClient
  if (!client) throw new Error('The table has no account-networks context')
  await flushPromises()
  await vi.waitFor(() => {
    expect(client.isFetching()).toBe(0)
    expect(client.isMutating()).toBe(0)
  })
  await flushPromises()
}

/** The `listOperation` requests made after the first `operation` call. */
export function listCallsAfter(rec: { calls: RecordedCall[] }, operation: string, listOperation: string): RecordedCall[] {
  const at = rec.calls.findIndex((c) => c.operation === operation)
  expect(at).toBeGreaterThanOrEqual(0)
  return rec.calls.slice(at + 1).filter((c) => c.operation === listOperation)
}
