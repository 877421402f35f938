import type { Meta, StoryObj } from '@storybook/vue3-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { h } from 'vue'
import NetworkInvitationForm from '../src/components/NetworkInvitationForm.vue'
import { MOCK_IDS } from '../src/adapters/mock'
import { defaultMessages } from '../src/messages'
import { scenarioOf, vnw } from './fixtures'

const m = defaultMessages.form

/** Invite an account by email into an account type, optionally with a country and a proposed fee. */
const meta = {
  title: 'Components/NetworkInvitationForm',
  component: NetworkInvitationForm,
  args: { cancelable: false, onCreated: fn(), onUpdated: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof NetworkInvitationForm>

export default meta
type Story = StoryObj<typeof meta>

/** Main flow: fill in and send; the email goes to the outbox and `created` carries the invitation. */
export const Invite: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const { backend } = scenarioOf(context)
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(m.email), 'owner@new-grocer.example')
    await userEvent.selectOptions(canvas.getByLabelText(m.domain), 'Retail store')
    await userEvent.type(canvas.getByLabelText(m.fee), '2.5')
    await userEvent.click(canvas.getByRole('button', { name: m.submit }))
    await expect(await canvas.findByText(m.sent('owner@new-grocer.example'))).toBeVisible()
    await waitFor(() => expect(args.onCreated).toHaveBeenCalledTimes(1))
    expect(args.onCreated).toHaveBeenCalledWith(
      expect.objectContaining({ email: 'owner@new-grocer.example', domain_id: MOCK_IDS.domains.retailer, fee_proposed: 2.5, status: 'pending' }),
    )
    expect(backend.outbox().at(-1)).toMatchObject({ kind: 'invitation', to: 'owner@new-grocer.example' })
  },
}

/** Sending with nothing filled in: messages next to the fields, focus on the first, nothing sent. */
export const ValidationErrors: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.submit }))
    const email = canvas.getByLabelText(m.email)
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    await expect(canvas.getByText(m.errors.emailRequired)).toBeVisible()
    await expect(canvas.getByText(m.errors.domainRequired)).toBeVisible()
    await expect(email).toHaveAccessibleDescription(expect.stringContaining(m.errors.emailRequired))
    expect(args.onCreated).not.toHaveBeenCalled()
    expect(scenarioOf(context).backend.outbox().length).toBe(0)
  },
  parameters: vnw({ fixture: 'empty' }),
}

/** The server refuses an email that already has a pending invitation: the message sits on the field, input kept. */
export const ServerFieldError: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const { backend } = scenarioOf(context)
    const pending = backend.api.listInvitations({ filter: 'pending' }).list[0]
    if (!pending) throw new Error('seed has no pending invitation')
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(m.email), pending.email)
    await userEvent.selectOptions(canvas.getByLabelText(m.domain), pending.domain_id)
    await userEvent.click(canvas.getByRole('button', { name: m.submit }))
    const email = canvas.getByLabelText(m.email)
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    expect(email).toHaveValue(pending.email)
    await waitFor(() => expect(args.onError).toHaveBeenCalledTimes(1))
    expect(args.onCreated).not.toHaveBeenCalled()
  },
}

/** Monetization off: no fee field. */
export const MonetizationOff: Story = {
  parameters: vnw({ fixture: 'monetizationOff' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByLabelText(m.email)
    expect(canvas.queryByLabelText(m.fee)).toBeNull()
  },
}

/** Edit mode: change the email and fee of a pending invitation and resend it. */
export const EditAndResend: Story = {
  parameters: vnw({ fixture: 'invitationToEdit' }),
  render: (args, context) => ({
    setup: () => () => h(NetworkInvitationForm, { ...args, cancelable: true, invitation: scenarioOf(context).invitation }),
  }),
  play: async (context) => {
    const { canvasElement, args } = context
    const { backend, invitation } = scenarioOf(context)
    const canvas = within(canvasElement)
    const email = await canvas.findByLabelText(m.email)
    await expect(email).toHaveValue(invitation?.email)
    await userEvent.clear(email)
    await userEvent.type(email, 'edited.owner@corner-store.example')
    const fee = canvas.getByLabelText(m.fee)
    await userEvent.clear(fee)
    await userEvent.type(fee, '3')
    const before = backend.outbox().length
    await userEvent.click(canvas.getByRole('button', { name: m.save }))
    await expect(await canvas.findByText(m.resent('edited.owner@corner-store.example'))).toBeVisible()
    await waitFor(() => expect(args.onUpdated).toHaveBeenCalledWith(expect.objectContaining({ id: invitation?.id, email: 'edited.owner@corner-store.example', fee_proposed: 3 })))
    expect(backend.outbox().length).toBe(before + 1)
  },
}

/** An account with no account types below its own cannot invite. */
export const NoDomains: Story = {
  parameters: vnw({ setup: ({ backend }) => backend.signInAs(MOCK_IDS.accounts.corner) }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(m.noDomains)).toBeVisible()
  },
}

/** The account types could not be loaded: a message and Try again. */
export const DomainsError: Story = {
  parameters: vnw({ setup: ({ backend }) => backend.failNext(500, 'listNetworkDomains') }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(new RegExp(m.domainsError.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: defaultMessages.common.retry }))
    await expect(await canvas.findByLabelText(m.domain)).toBeVisible()
  },
}

/** Loading the account types (the mock answers very slowly). */
export const Loading: Story = { parameters: vnw({ latency: 600_000 }) }

/** Without permission to invite: a message instead of the form. */
export const NoPermissions: Story = {
  parameters: vnw({ fixture: 'noPermissions' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(m.forbidden)).toBeVisible()
  },
}

/** The form in the dark theme, with its validation errors showing. */
export const Dark: Story = { ...ValidationErrors, globals: { theme: 'dark' } }

/** German locale. */
export const German: Story = { globals: { locale: 'de-DE' } }
