import type { Meta, StoryObj } from '@storybook/vue3-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { h } from 'vue'
import NetworkInvitationsTable from '../src/components/NetworkInvitationsTable.vue'
import { MOCK_IDS } from '../src/adapters/mock'
import type { NetworkInvitation } from '../src/core/types'
import { defaultMessages } from '../src/messages'
import { MANY_ROWS_EXTRA, scenarioOf, XSS_PAYLOADS, vnw } from './fixtures'

const m = defaultMessages.invitations
const form = defaultMessages.form
const LONG = { timeout: 15_000 }

/**
 * The parent's invitations: search, filter by status, page; invite, edit and resend, delete. The story passes
 * the mock's clock as `now`, so "expires in…" matches the mock's data.
 */
const meta = {
  title: 'Components/NetworkInvitationsTable',
  component: NetworkInvitationsTable,
  args: { records: 25, debounce: 300, onCreated: fn(), onUpdated: fn(), onDeleted: fn(), onError: fn() },
  render: (args, context) => ({
    setup: () => () => h(NetworkInvitationsTable, { ...args, now: () => scenarioOf(context).backend.clock.now() }),
  }),
} satisfies Meta<typeof NetworkInvitationsTable>

export default meta
type Story = StoryObj<typeof meta>

const firstPageLoaded = async (canvasElement: HTMLElement) => {
  await within(canvasElement).findAllByRole('button', { name: new RegExp(`^${m.deleteLabel('')}`) }, LONG)
}

/** The seed: 30+ invitations over two pages. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await firstPageLoaded(canvasElement)
    await expect(within(canvasElement).getByText(m.pageOf(1, 2))).toBeVisible()
  },
}

/** Main flow: invite from the dialog and see the new row at the top. */
export const InviteAndSeeRow: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await firstPageLoaded(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: m.invite }))
    const dialog = within(await canvas.findByRole('dialog', { name: m.inviteTitle }))
    await userEvent.type(await dialog.findByLabelText(form.email), 'fresh.buyer@new-grocer.example')
    await userEvent.selectOptions(dialog.getByLabelText(form.domain), MOCK_IDS.domains.restaurant)
    await userEvent.click(dialog.getByRole('button', { name: form.submit }))
    await expect(await canvas.findByText(m.created('fresh.buyer@new-grocer.example'), {}, LONG)).toBeVisible()
    await expect(await canvas.findByRole('link', { name: 'fresh.buyer@new-grocer.example' }, LONG)).toHaveAttribute(
      'href',
      'mailto:fresh.buyer%40new-grocer.example',
    )
    await waitFor(() => expect(args.onCreated).toHaveBeenCalledWith(expect.objectContaining({ email: 'fresh.buyer@new-grocer.example' })))
  },
}

/** Main flow: edit a pending invitation's fee and resend it (a new email with a new link). */
export const EditAndResend: Story = {
  parameters: vnw({ fixture: 'invitationToEdit' }),
  play: async (context) => {
    const { canvasElement, args } = context
    const { backend, invitation } = scenarioOf(context)
    if (!invitation) throw new Error('fixture has no invitation')
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.editLabel(invitation.email) }, LONG))
    const dialog = within(await canvas.findByRole('dialog', { name: m.editTitle(invitation.email) }))
    const fee = await dialog.findByLabelText(form.fee)
    await userEvent.clear(fee)
    await userEvent.type(fee, '6.25')
    const sent = backend.outbox().length
    await userEvent.click(dialog.getByRole('button', { name: form.save }))
    await expect(await canvas.findByText(m.updated(invitation.email), {}, LONG)).toBeVisible()
    await waitFor(() => expect(args.onUpdated).toHaveBeenCalledWith(expect.objectContaining({ id: invitation.id, fee_proposed: 6.25 })))
    expect(backend.outbox().length).toBe(sent + 1)
  },
}

/** Delete a row after confirming; the server confirms. */
export const Delete: Story = {
  parameters: vnw({ fixture: 'invitationToEdit' }),
  play: async (context) => {
    const { canvasElement, args } = context
    const { invitation } = scenarioOf(context)
    if (!invitation) throw new Error('fixture has no invitation')
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.deleteLabel(invitation.email) }, LONG))
    const dialog = within(await canvas.findByRole('dialog', { name: m.confirmDeleteTitle }))
    await userEvent.click(dialog.getByRole('button', { name: m.confirmDeleteButton }))
    await expect(await canvas.findByText(m.deleted(invitation.email), {}, LONG)).toBeVisible()
    await waitFor(() => expect(canvas.queryByRole('button', { name: m.deleteLabel(invitation.email) })).toBeNull())
    await waitFor(() => expect(args.onDeleted).toHaveBeenCalledWith(expect.objectContaining({ id: invitation.id })))
  },
}

/** The server refuses the delete: the row leaves at once, then comes back with an explanation. */
export const DeleteRollback: Story = {
  parameters: vnw({ fixture: 'invitationToEdit' }),
  play: async (context) => {
    const { canvasElement, args } = context
    const { backend, invitation } = scenarioOf(context)
    if (!invitation) throw new Error('fixture has no invitation')
    const canvas = within(canvasElement)
    const deleteButton = m.deleteLabel(invitation.email)
    await userEvent.click(await canvas.findByRole('button', { name: deleteButton }, LONG))
    backend.setLatency(1500)
    backend.failNext(500, 'deleteInvitation')
    const dialog = within(await canvas.findByRole('dialog', { name: m.confirmDeleteTitle }))
    await userEvent.click(dialog.getByRole('button', { name: m.confirmDeleteButton }))
    await waitFor(() => expect(canvas.queryByRole('button', { name: deleteButton })).toBeNull(), LONG)
    await expect(await canvas.findByRole('button', { name: deleteButton }, LONG)).toBeVisible()
    await expect(await canvas.findByText(new RegExp(`^\\s*The invitation to ${invitation.email.replace(/\./g, '\\.')} was not deleted`), {}, LONG)).toBeVisible()
    expect(args.onDeleted).not.toHaveBeenCalled()
    await waitFor(() => expect(args.onError).toHaveBeenCalledTimes(1))
    backend.setLatency(0)
    // Settle: the refetch after the rollback dims the rows (aria-busy) until it ends.
    await waitFor(() => expect(canvasElement.querySelector('[aria-busy="true"]')).toBeNull(), LONG)
    expect(backend.api.listInvitations({ search: invitation.email }).list.map((row) => row.id)).toContain(invitation.id)
  },
}

/** Loading: the mock answers very slowly. */
export const Loading: Story = { parameters: vnw({ latency: 600_000 }) }

/** No invitations yet. */
export const Empty: Story = {
  parameters: vnw({ fixture: 'empty' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(m.empty, {}, LONG)).toBeVisible()
  },
}

/** Loading the list failed: the error's message and Try again. */
export const LoadError: Story = {
  parameters: vnw({ setup: ({ backend }) => backend.failNext(500, 'listInvitations') }),
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('button', { name: defaultMessages.common.retry }, LONG)).toBeVisible()
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ status: 500 })))
  },
}

/** After a failed load, Try again recovers. */
export const RetryAfterError: Story = {
  parameters: vnw({ setup: ({ backend }) => backend.failNext(500, 'listInvitations') }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: defaultMessages.common.retry }, LONG))
    await firstPageLoaded(canvasElement)
  },
}

/** Forbidden (403): the no-access message, without a pointless Try again. */
export const Forbidden: Story = {
  parameters: vnw({ setup: ({ backend }) => backend.failNext(403, 'listInvitations') }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(defaultMessages.common.forbidden, {}, LONG)).toBeVisible()
  },
}

/** Many rows: the seed plus 120, paged. */
export const ManyRows: Story = {
  parameters: vnw({ fixture: 'manyRows' }),
  play: async (context) => {
    const { canvasElement } = context
    const canvas = within(canvasElement)
    await firstPageLoaded(canvasElement)
    const total = scenarioOf(context).backend.api.listInvitations().total
    expect(total).toBeGreaterThan(MANY_ROWS_EXTRA)
    const pages = Math.ceil(total / 25)
    await expect(canvas.getByText(m.pageOf(1, pages))).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: m.nextPage }))
    await expect(await canvas.findByText(m.pageOf(2, pages), {}, LONG)).toBeVisible()
  },
}

/** No permissions: no list, no actions. */
export const NoPermissions: Story = {
  parameters: vnw({ fixture: 'noPermissions' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(m.noListAccess)).toBeVisible()
    expect(canvas.queryByRole('button', { name: m.invite })).toBeNull()
  },
}

/** Monetization off: no fee column. */
export const MonetizationOff: Story = {
  parameters: vnw({ fixture: 'monetizationOff' }),
  play: async ({ canvasElement }) => {
    await firstPageLoaded(canvasElement)
    expect(within(canvasElement).queryByRole('columnheader', { name: m.columns.fee })).toBeNull()
  },
}

/** Monetization on: the fee column is there. */
export const MonetizationOn: Story = {
  play: async ({ canvasElement }) => {
    await firstPageLoaded(canvasElement)
    await expect(within(canvasElement).getByRole('columnheader', { name: m.columns.fee })).toBeVisible()
  },
}

/** API strings that try to inject markup render as text; a `javascript:` email is not a link. */
export const HostileData: Story = {
  parameters: vnw({ fixture: 'hostileData' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(XSS_PAYLOADS.html, {}, LONG)).toBeVisible()
    await expect(canvas.getByText(XSS_PAYLOADS.script)).toBeVisible()
    expect(canvasElement.querySelector('img')).toBeNull()
    expect(canvasElement.querySelector('a[href^="javascript:"]')).toBeNull()
    expect(canvas.queryByRole('link', { name: XSS_PAYLOADS.script })).toBeNull()
  },
}

/**
 * A host's own cells and row actions through the `#<column>-cell` and `#actions` slots: the status as plain text
 * with the expiry date, and one "Copy link" action in place of Edit and Delete (its accessible name starts with its visible text).
 */
export const CustomCells: Story = {
  render: (args, context) => ({
    setup: () => () =>
      h(
        NetworkInvitationsTable,
        { ...args, now: () => scenarioOf(context).backend.clock.now() },
        {
          'status-cell': ({ row, value }: { row: NetworkInvitation; value: string }) =>
            h('span', { class: 'host-status' }, `${value} · until ${new Date(row.expires * 1000).toISOString().slice(0, 10)}`),
          actions: ({ row }: { row: NetworkInvitation }) =>
            h('button', { type: 'button', class: 'vnw-button vnw-button--ghost', 'aria-label': `Copy link for the invitation to ${row.email}` }, 'Copy link'),
        },
      ),
  }),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const first = scenarioOf(context).backend.api.listInvitations().list[0]!
    await expect(await canvas.findByRole('button', { name: `Copy link for the invitation to ${first.email}` }, LONG)).toBeVisible()
    expect(canvas.queryByRole('button', { name: m.deleteLabel(first.email) })).toBeNull()
    await expect(canvas.getAllByText(new RegExp(`^${first.status} · until \\d{4}-\\d{2}-\\d{2}$`))[0]).toBeVisible()
  },
}

/** Dark theme. */
export const Dark: Story = { ...Default, globals: { theme: 'dark' } }

/** German locale: dates and fees formatted for de-DE. */
export const German: Story = { ...Default, globals: { locale: 'de-DE' } }
