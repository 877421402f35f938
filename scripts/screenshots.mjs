/**
 * The README's images: builds and serves the playground (as the e2e test does), walks the invitation flow in
 * Chromium, and saves PNGs to docs/images/ (or the directory given with `--out`).
 *
 *   npm run screenshots
 *
 * 1280×800 viewport (900 high for the whole page, so the form's status shows), device scale factor 1, reduced
 * motion; component shots are cropped to their card. The tables are shot at TABLE_WIDTH: at 1280 px, beside the
 * outbox, their card is ~870 px wide and the actions column scrolls out of view. The run fails when a PNG is over
 * 300 KB or when no Chromium exists (see scripts/find-chromium.mjs).
 */
import { mkdir, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_MESSAGE } from './find-chromium.mjs'
import { startPlayground } from '../test/e2e/playground-server.mjs'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
const OUT = values.out ? resolve(values.out) : fileURLToPath(new URL('../docs/images/', import.meta.url))
const MAX_BYTES = 300 * 1024
const VIEWPORT = { width: 1280, height: 800 }
const PAGE_VIEWPORT = { width: 1280, height: 900 }
const TABLE_WIDTH = 1600

const EMAIL = 'mara.quinn@bayside-bakery.com'
const CHILD_TITLE = 'Bayside Bakery'

const found = findChromium()
if (!found) {
  console.error(MISSING_CHROMIUM_MESSAGE)
  process.exit(1)
}

await mkdir(OUT, { recursive: true })
// Vite preview's usual port, so the outbox's links in the images read like a local preview.
const playground = await startPlayground({ label: 'screenshots', port: 4173 })
const browser = await chromium.launch({ executablePath: found.executablePath, args: [...CHROMIUM_ARGS] })
/** @type {{ file: string, bytes: number }[]} */
const saved = []
try {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme: 'light' })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`))

  /** No table loading, no skeleton, no pointer hovering a row, no focus ring from a click. */
  async function settled() {
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .vnw-data-table__skeleton'))
    await page.mouse.move(0, 0)
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    })
    await page.waitForTimeout(200)
  }

  /**
   * @param {string} name
   * @param {import('playwright').Locator | null} target null: the viewport
   * @param {{ width: number, height: number }} [viewport] for this shot only
   */
  async function save(name, target, viewport = VIEWPORT) {
    await page.setViewportSize(viewport)
    await settled()
    const path = resolve(OUT, name)
    if (target) await target.screenshot({ path, animations: 'disabled' })
    else await page.screenshot({ path, animations: 'disabled' })
    saved.push({ file: path, bytes: (await stat(path)).size })
    await page.setViewportSize(VIEWPORT)
  }

  /** The playground card around a component. @param {import('playwright').Locator} inner */
  const card = (inner) => page.locator('.pg__card').filter({ has: inner })

  const form = page.getByRole('form', { name: 'Invite an account' })
  const invitations = page.getByRole('region', { name: 'Network invitations' })
  const networks = page.getByRole('region', { name: 'Networks' })
  const activation = page.getByRole('region', { name: 'Network invitation' })
  const outbox = page.getByRole('complementary', { name: /Email outbox/ })

  /** Shows 10 rows per page in a table's region and waits until the others are gone. @param {import('playwright').Locator} region */
  async function tenRows(region) {
    await region.getByRole('combobox', { name: 'Rows per page' }).selectOption('10')
    await region.locator('tbody tr').nth(10).waitFor({ state: 'detached' })
  }

  // The networks page, tables at 10 rows.
  await page.goto(playground.url)
  await page.getByText(/^\d+ invitations$/).waitFor()
  await page.getByText(/^\d+ networks$/).waitFor()
  await tenRows(invitations)
  await tenRows(networks)

  // The invitation form, filled in.
  await form.getByLabel('Email').fill(EMAIL)
  await form.getByRole('combobox', { name: 'Account type' }).selectOption({ label: 'Retail store' })
  await form.getByRole('spinbutton', { name: 'Proposed fee' }).fill('2.5')
  await save('invitation-form.png', card(form))

  // Sent: the status, the new row, the email in the outbox.
  await form.getByRole('button', { name: 'Send invitation' }).click()
  await page.getByRole('status').filter({ hasText: `Invitation sent to ${EMAIL}.` }).waitFor()
  await invitations.getByRole('row', { name: new RegExp(EMAIL.replace(/\./g, '\\.')) }).waitFor()
  await page.evaluate(() => window.scrollTo(0, 0))
  await save('playground.png', null, PAGE_VIEWPORT)
  await save('invitations-table.png', card(invitations), { ...VIEWPORT, width: TABLE_WIDTH })

  // The activation page, ready (light and dark).
  await outbox.getByRole('link', { name: `Open the invitation link (to ${EMAIL})` }).click()
  await activation.getByRole('button', { name: 'Activate' }).waitFor()
  await save('activation.png', card(activation))
  await page.emulateMedia({ colorScheme: 'dark' })
  await save('activation-dark.png', card(activation))
  await page.emulateMedia({ colorScheme: 'light' })

  // Activated, then the child in the parent's networks table (light and dark).
  await activation.getByRole('button', { name: 'Activate' }).click()
  await activation.getByRole('heading', { name: 'Your account is ready' }).waitFor()
  await page.getByRole('button', { name: "Back to the parent's networks" }).click()
  await tenRows(networks)
  await networks.getByRole('row', { name: new RegExp(`^${CHILD_TITLE} `) }).waitFor()
  await save('networks-table.png', card(networks), { ...VIEWPORT, width: TABLE_WIDTH })
  await page.emulateMedia({ colorScheme: 'dark' })
  await save('networks-table-dark.png', card(networks), { ...VIEWPORT, width: TABLE_WIDTH })
} finally {
  await browser.close()
  await playground.close()
}

let failed = false
for (const { file, bytes } of saved) {
  const over = bytes > MAX_BYTES
  failed ||= over
  console.log(`${over ? 'TOO BIG' : 'saved'}  ${file}  ${(bytes / 1024).toFixed(0)} KB`)
}
if (failed) {
  console.error(`Some images are over ${MAX_BYTES / 1024} KB: crop them or shrink the page state.`)
  process.exit(1)
}
