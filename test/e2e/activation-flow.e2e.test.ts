/**
 * End to end, as a person would: the built playground (mock backend in the browser) served by `vite preview`,
 * driven in Chromium by Playwright through roles and labels. A parent invites an account, the invitation email's
 * link is opened from the outbox, the activation page explains and waits for Activate, the new child appears in
 * the parent's networks table, and the spent link then says it was already accepted.
 *
 * Screenshots of every step go to test-results/e2e/ (gitignored): artifacts, not committed.
 */
import { mkdir, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Locator, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, findChromium, missingChromiumError } from '../../scripts/find-chromium.mjs'
import { startPlayground, type RunningPlayground } from './playground-server.mjs'

const SHOTS = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url))

/** The invited person; the mock backend names the new account after the email's domain. */
const EMAIL = 'mara.quinn@bayside-bakery.com'
const CHILD_TITLE = 'Bayside Bakery'
const ACCOUNT_TYPE = 'Retail store'
const FEE = '2.5'

let playground: RunningPlayground | undefined
let browser: Browser | undefined
let page: Page
const pageErrors: string[] = []

/** Waits until exactly one element matches and is visible (Playwright's strict mode). */
const visible = (locator: Locator) => locator.waitFor({ state: 'visible' })

let shot = 0
async function screenshot(name: string): Promise<void> {
  shot += 1
  await page.screenshot({ path: `${SHOTS}${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true })
}

const outbox = () => page.getByRole('complementary', { name: /Email outbox/ })
const invitationLink = () => outbox().getByRole('link', { name: `Open the invitation link (to ${EMAIL})` })
const activation = () => page.getByRole('region', { name: 'Network invitation' })
const invitationsTable = () => page.getByRole('table', { name: 'Network invitations' })
const networksTable = () => page.getByRole('table', { name: 'Networked accounts' })

/** The address bar must not show the token once the activation page has read it. */
async function expectNoTokenInAddressBar(): Promise<void> {
  await expect.poll(() => page.url()).toMatch(/#\/activate$/)
  expect(page.url()).not.toContain('token')
}

beforeAll(async () => {
  const found = findChromium()
  if (!found) throw missingChromiumError()
  await rm(SHOTS, { recursive: true, force: true })
  await mkdir(SHOTS, { recursive: true })
  playground = await startPlayground({ label: 'e2e' })
  browser = await chromium.launch({ executablePath: found.executablePath, args: [...CHROMIUM_ARGS] })
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.setDefaultTimeout(30_000)
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`)
  })
})

afterAll(async () => {
  await browser?.close()
  await playground?.close()
})

describe('the playground, end to end', () => {
  it('invites, activates from the emailed link, shows the child, and refuses the spent link', async () => {
    // The parent's networks page, loaded.
    await page.goto(playground!.url)
    await visible(page.getByRole('heading', { level: 1, name: 'Networks' }))
    await visible(page.getByText(/^\d+ invitations$/))
    await visible(page.getByText(/^\d+ networks$/))
    await expect.poll(() => networksTable().getByRole('row', { name: new RegExp(CHILD_TITLE) }).count()).toBe(0)
    await screenshot('networks-page')

    // Invite: email, account type, fee.
    const form = page.getByRole('form', { name: 'Invite an account' })
    await form.getByLabel('Email').fill(EMAIL)
    await expect.poll(() => form.getByRole('combobox', { name: 'Account type' }).getByRole('option', { name: ACCOUNT_TYPE }).count()).toBe(1)
    await form.getByRole('combobox', { name: 'Account type' }).selectOption({ label: ACCOUNT_TYPE })
    await form.getByRole('spinbutton', { name: 'Proposed fee' }).fill(FEE)
    await screenshot('invitation-filled')
    await form.getByRole('button', { name: 'Send invitation' }).click()

    await visible(page.getByRole('status').filter({ hasText: `Invitation sent to ${EMAIL}.` }))
    const invitationRow = invitationsTable().getByRole('row', { name: new RegExp(EMAIL.replace(/\./g, '\\.')) })
    await visible(invitationRow)
    await expect.poll(() => invitationRow.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining([EMAIL, ACCOUNT_TYPE, `${FEE}%`, 'Pending']),
    )
    await visible(invitationLink())
    await screenshot('invitation-sent')

    // Open the invitation email's link from the outbox.
    const href = await invitationLink().getAttribute('href')
    expect(href).toMatch(/^#\/activate\?token=./)
    await invitationLink().click()

    // The activation page explains and waits: nothing happens on load.
    await visible(page.getByRole('heading', { level: 1, name: 'Activate your account' }))
    await visible(activation().getByRole('heading', { name: 'Join the network' }))
    await visible(activation().getByText(/Activating creates your account and connects it to the account that invited you/))
    await expectNoTokenInAddressBar()
    await page.waitForTimeout(1_000) // well past the mock's 150 ms latency
    expect(await activation().getAttribute('data-state')).toBe('ready')
    expect(await outbox().getByText('Login instructions').count()).toBe(0)
    await screenshot('activation-ready')

    // Activate.
    await activation().getByRole('button', { name: 'Activate' }).click()
    await visible(activation().getByRole('heading', { name: 'Your account is ready' }))
    await visible(activation().getByText("We've emailed you instructions to sign in to your new account."))
    await visible(outbox().getByRole('listitem').filter({ hasText: 'Login instructions' }).filter({ hasText: EMAIL }))
    await screenshot('activated')

    // Back on the parent's networks page: the child account is in the networks table, the invitation accepted.
    await page.getByRole('button', { name: "Back to the parent's networks" }).click()
    await visible(page.getByRole('heading', { level: 1, name: 'Networks' }))
    const childRow = networksTable().getByRole('row', { name: new RegExp(`^${CHILD_TITLE} `) })
    await visible(childRow)
    await expect.poll(() => childRow.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining([CHILD_TITLE, ACCOUNT_TYPE]))
    await expect.poll(() => invitationRow.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining([EMAIL, 'Accepted']))
    await childRow.scrollIntoViewIfNeeded()
    await screenshot('networks-with-child')

    // The same link again: the page still waits for Activate, then says the invitation was already accepted.
    expect(await invitationLink().getAttribute('href')).toBe(href)
    await invitationLink().click()
    await visible(activation().getByRole('heading', { name: 'Join the network' }))
    await expectNoTokenInAddressBar()
    await activation().getByRole('button', { name: 'Activate' }).click()
    await visible(activation().getByRole('heading', { name: 'This invitation was already accepted' }))
    await visible(activation().getByText('Your account already exists. Sign in to continue.'))
    expect(await activation().getAttribute('data-state')).toBe('used')
    await screenshot('already-accepted')

    expect(pageErrors).toEqual([])
  })
})
