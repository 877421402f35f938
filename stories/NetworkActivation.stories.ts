import type { Meta, StoryObj } from '@storybook/vue3-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { h } from 'vue'
import NetworkActivation from '../src/components/NetworkActivation.vue'
import { defaultMessages } from '../src/messages'
import { scenarioOf, vnw, type VnwStoryParameters } from './fixtures'

const m = defaultMessages.activation

/** Axe may only flag text painted in its own background colour as "needs review": check it directly. */
function expectTextVisibleOnBackground(element: HTMLElement) {
  const style = getComputedStyle(element)
  expect(style.color).not.toBe(style.backgroundColor)
}

/**
 * The host's activation page: the invited person opens the tokened link and activates. The story passes the
 * fixture's token as the `token` prop (a host router would do the same).
 */
const meta = {
  title: 'Components/NetworkActivation',
  component: NetworkActivation,
  args: {
    loginUrl: 'https://app.example/login',
    headingLevel: 2,
    onActivated: fn(),
    onError: fn(),
    'onState-change': fn(),
  },
  render: (args, context) => ({
    setup: () => () => h(NetworkActivation, { ...args, token: scenarioOf(context).token ?? '' }),
  }),
  // An object literal here: Storybook's CSF transform drops a meta-level `parameters` given as a call.
  parameters: { vnw: { fixture: 'activationReady' } satisfies VnwStoryParameters },
} satisfies Meta<typeof NetworkActivation>

export default meta
type Story = StoryObj<typeof meta>

/** Opened without a token (an incomplete link). */
export const NoToken: Story = {
  parameters: vnw({ fixture: 'activationNoToken' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: m.noTokenTitle })).toBeVisible()
  },
}

/** A valid link, waiting for the Activate button. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('heading', { name: m.readyTitle })).toBeVisible()
    await expect(canvas.getByRole('button', { name: m.activate })).toBeEnabled()
  },
}

/** The request is running (the mock answers very slowly). */
export const Activating: Story = {
  parameters: vnw({ latency: 600_000 }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.activate }))
    await expect(await canvas.findByRole('button', { name: m.activatingButton })).toHaveAttribute('aria-disabled', 'true')
  },
}

/** Main flow: activate, the account is created, the login instructions are emailed. */
export const Activated: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const { backend, token } = scenarioOf(context)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.activate }))
    await expect(await canvas.findByRole('heading', { name: m.activatedTitle })).toBeVisible()
    await expect(canvas.getByRole('link', { name: m.signIn })).toHaveAttribute('href', 'https://app.example/login')
    expectTextVisibleOnBackground(canvas.getByRole('link', { name: m.signIn }))
    await waitFor(() => expect(args.onActivated).toHaveBeenCalledTimes(1))
    expect(backend.outbox().at(-1)?.kind).toBe('login-instructions')
    // The same token cannot be spent twice.
    expect(() => backend.api.activateInvitation(token ?? '')).toThrow()
  },
}

/** Main flow with an expired link: a clear explanation, nothing created. */
export const Expired: Story = {
  parameters: vnw({ fixture: 'activationExpired' }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.activate }))
    await expect(await canvas.findByRole('heading', { name: m.expiredTitle })).toBeVisible()
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ reason: 'token_expired' })))
    expect(args.onActivated).not.toHaveBeenCalled()
  },
}

/** The invitation was already accepted. */
export const AlreadyUsed: Story = {
  parameters: vnw({ fixture: 'activationUsed' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.activate }))
    await expect(await canvas.findByRole('heading', { name: m.usedTitle })).toBeVisible()
    expectTextVisibleOnBackground(canvas.getByRole('link', { name: m.signIn }))
  },
}

/** An unknown token. */
export const InvalidLink: Story = {
  parameters: vnw({ fixture: 'activationInvalid' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.activate }))
    await expect(await canvas.findByRole('heading', { name: m.invalidTitle })).toBeVisible()
    await expect(canvas.getByText(m.invalidReasons.token_invalid)).toBeVisible()
  },
}

/** The server failed: the token is kept and Try again posts it again. */
export const ServerError: Story = {
  parameters: vnw({ setup: ({ backend }) => backend.failNext(500, 'activateInvitation') }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: m.activate }))
    await expect(await canvas.findByRole('heading', { name: m.errorTitle })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: defaultMessages.common.retry }))
    await expect(await canvas.findByRole('heading', { name: m.activatedTitle })).toBeVisible()
    await waitFor(() => expect(args.onActivated).toHaveBeenCalledTimes(1))
  },
}

/** Ready, in the dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } }

/** Ready, with the German locale (numbers and dates; texts stay the host's messages). */
export const German: Story = { globals: { locale: 'de-DE' } }
