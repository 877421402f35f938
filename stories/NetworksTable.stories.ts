import type { Meta, StoryObj } from '@storybook/vue3-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { h } from 'vue'
import NetworksTable from '../src/components/NetworksTable.vue'
import type { Network } from '../src/core/types'
import { defaultMessages } from '../src/messages'
import { scenarioOf, XSS_PAYLOADS, type StoryScenario, vnw } from './fixtures'

const m = defaultMessages.networks
const LONG = { timeout: 15_000 }

/** The parent's networks: search, filter, page; details, propose a fee, remove (the child account stays). */
const meta = {
  title: 'Components/NetworksTable',
  component: NetworksTable,
  args: { records: 25, debounce: 300, onUpdated: fn(), onDeleted: fn(), onError: fn() },
} satisfies Meta<typeof NetworksTable>

export default meta
type Story = StoryObj<typeof meta>

/** The newest network of the signed-in account, straight from the backend. */
function firstNetwork(scenario: StoryScenario): Network {
  const network = scenario.backend.api.listNetworks().list[0]
  if (!network) throw new Error('fixture has no network')
  return network
}

const rowsLoaded = async (canvasElement: HTMLElement) => {
  await within(canvasElement).findAllByRole('button', { name: new RegExp(`^${m.removeLabel('')}`) }, LONG)
}

/** The seed: 10+ networks. */
export const Default: Story = {
  play: async (context) => {
    await rowsLoaded(context.canvasElement)
    await expect(within(context.canvasElement).getByText(firstNetwork(scenarioOf(context)).account_title)).toBeVisible()
  },
}

/** Main flow: propose a new fee; the agreed fee stays until the account agrees. */
export const ProposeFee: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const scenario = scenarioOf(context)
    const network = firstNetwork(scenario)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.proposeFeeLabel(network.account_title) }, LONG))
    const dialog = within(await canvas.findByRole('dialog', { name: m.proposeFeeTitle(network.account_title) }))
    const fee = dialog.getByLabelText(m.feeLabel)
    // A bad value first: the message sits next to the field and nothing is sent.
    await userEvent.type(fee, '150')
    await userEvent.click(dialog.getByRole('button', { name: m.proposeFeeSubmit }))
    await expect(await dialog.findByText(m.feeMax)).toBeVisible()
    await expect(fee).toHaveAttribute('aria-invalid', 'true')
    expect(args.onUpdated).not.toHaveBeenCalled()
    await userEvent.clear(fee)
    await userEvent.type(fee, '7.5')
    await userEvent.click(dialog.getByRole('button', { name: m.proposeFeeSubmit }))
    await waitFor(() => expect(args.onUpdated).toHaveBeenCalledWith(expect.objectContaining({ account_id: network.account_id, fee_proposed: 7.5, fee: network.fee })), LONG)
    await expect(await canvas.findByText(new RegExp(`was proposed to ${network.account_title}`), {}, LONG)).toBeVisible()
    expect(scenario.backend.api.getNetwork(network.account_id).fee_proposed).toBe(7.5)
  },
}

/** Remove a network after confirming; the child account stays active. */
export const Remove: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const network = firstNetwork(scenarioOf(context))
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.removeLabel(network.account_title) }, LONG))
    const dialog = within(await canvas.findByRole('dialog', { name: m.confirmRemoveTitle }))
    await userEvent.click(dialog.getByRole('button', { name: m.confirmRemoveButton }))
    await expect(await canvas.findByText(m.removed(network.account_title), {}, LONG)).toBeVisible()
    await waitFor(() => expect(args.onDeleted).toHaveBeenCalledWith(expect.objectContaining({ account_id: network.account_id })))
  },
}

/** The server refuses the removal: the row leaves at once, then comes back with an explanation. */
export const RemoveRollback: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const scenario = scenarioOf(context)
    const network = firstNetwork(scenario)
    const canvas = within(canvasElement)
    const removeButton = m.removeLabel(network.account_title)
    await userEvent.click(await canvas.findByRole('button', { name: removeButton }, LONG))
    scenario.backend.setLatency(1500)
    scenario.backend.failNext(500, 'deleteNetwork')
    const dialog = within(await canvas.findByRole('dialog', { name: m.confirmRemoveTitle }))
    await userEvent.click(dialog.getByRole('button', { name: m.confirmRemoveButton }))
    await waitFor(() => expect(canvas.queryByRole('button', { name: removeButton })).toBeNull(), LONG)
    await expect(await canvas.findByRole('button', { name: removeButton }, LONG)).toBeVisible()
    await expect(await canvas.findByText(new RegExp(`The network with ${network.account_title} was not removed`), {}, LONG)).toBeVisible()
    expect(args.onDeleted).not.toHaveBeenCalled()
    scenario.backend.setLatency(0)
    // Settle: the refetch after the rollback dims the rows (aria-busy) until it ends.
    await waitFor(() => expect(canvasElement.querySelector('[aria-busy="true"]')).toBeNull(), LONG)
  },
}

/** Details of one network in a dialog. */
export const Details: Story = {
  play: async (context) => {
    const network = firstNetwork(scenarioOf(context))
    const canvas = within(context.canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.detailsLabel(network.account_title) }, LONG))
    const dialog = within(await canvas.findByRole('dialog', { name: m.detailsTitle(network.account_title) }))
    await expect(await dialog.findByText(network.account_id, {}, LONG)).toBeVisible()
  },
}

/** Loading: the mock answers very slowly. */
export const Loading: Story = { parameters: vnw({ latency: 600_000 }) }

/** No networks yet. */
export const Empty: Story = {
  parameters: vnw({ fixture: 'empty' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(m.empty, {}, LONG)).toBeVisible()
  },
}

/** Loading failed: the message and Try again. */
export const LoadError: Story = {
  parameters: vnw({ setup: ({ backend }) => backend.failNext('network', 'listNetworks') }),
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('button', { name: defaultMessages.common.retry }, LONG)).toBeVisible()
    await waitFor(() => expect(args.onError).toHaveBeenCalledTimes(1))
  },
}

/** Rate limited (429) on load. */
export const RateLimited: Story = {
  parameters: vnw({ setup: ({ backend }) => backend.failNext(429, 'listNetworks') }),
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ status: 429 })), LONG)
    await expect(within(canvasElement).getByRole('button', { name: defaultMessages.common.retry })).toBeVisible()
  },
}

/** No permissions: no list, no actions. */
export const NoPermissions: Story = {
  parameters: vnw({ fixture: 'noPermissions' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(m.noListAccess)).toBeVisible()
    expect(canvas.queryByRole('button', { name: new RegExp(`^${m.removeLabel('')}`) })).toBeNull()
  },
}

/** Monetization off: no fee columns and no fee proposals. */
export const MonetizationOff: Story = {
  parameters: vnw({ fixture: 'monetizationOff' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await rowsLoaded(canvasElement)
    expect(canvas.queryByRole('columnheader', { name: m.columns.fee })).toBeNull()
    expect(canvas.queryByRole('button', { name: new RegExp(`^${m.proposeFeeLabel('')}`) })).toBeNull()
  },
}

/** An account title that tries to inject markup renders as text. */
export const HostileData: Story = {
  parameters: vnw({ fixture: 'hostileData' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(XSS_PAYLOADS.html, {}, LONG)).toBeVisible()
    expect(canvasElement.querySelector('img')).toBeNull()
  },
}

/**
 * A host's own cells through the `#<column>-cell` slots: the account with its id, and the agreed fee spelled out.
 * The default row actions stay.
 */
export const CustomCells: Story = {
  render: (args) => ({
    setup: () => () =>
      h(NetworksTable, args, {
        'account-cell': ({ row, value }: { row: Network; value: string }) => [h('strong', value), h('small', { class: 'host-account-id' }, ` ${row.account_id}`)],
        'fee-cell': ({ value }: { value: number }) => `${value} % of revenue`,
      }),
  }),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const network = firstNetwork(scenarioOf(context))
    await rowsLoaded(context.canvasElement)
    await expect(canvas.getByText(network.account_id.trim())).toBeVisible()
    await expect(canvas.getAllByText(`${network.fee} % of revenue`)[0]).toBeVisible()
    await expect(canvas.getByRole('button', { name: m.removeLabel(network.account_title) })).toBeVisible()
  },
}

/** Dark theme. */
export const Dark: Story = { ...Default, globals: { theme: 'dark' } }

/** German locale: fees and dates formatted for de-DE. */
export const German: Story = { ...Default, globals: { locale: 'de-DE' } }
