/**
 * Finds a Chromium for Vitest browser mode and the Storybook tests (runs in Node, imported by vite.config.ts).
 *
 * Order: `CHROMIUM_PATH` when set explicitly wins (so a user can point at any build), then Playwright's own
 * browser (`npx playwright install chromium`), then Debian's `/usr/bin/chromium`. Playwright cannot download
 * browsers on every machine, hence the fallbacks.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

/** @typedef {'CHROMIUM_PATH' | 'playwright' | 'system'} ChromiumSource */
/** @typedef {{ executablePath: string, source: ChromiumSource }} FoundChromium */

/** System paths tried after Playwright's own browser. */
export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable']

/** The single message shown when no Chromium exists. */
export const MISSING_CHROMIUM_MESSAGE = [
  '[vue-account-networks] No Chromium for the browser and Storybook tests.',
  'Install one:  sudo apt-get install chromium   (Debian/Ubuntu, gives /usr/bin/chromium)',
  '         or:  npx playwright install chromium',
  '         or:  set CHROMIUM_PATH=/path/to/chrome',
  'To run only the Node and happy-dom tests meanwhile:  npx vitest run --project node --project dom',
].join('\n')

/** Launch flags that keep Chromium quiet on a closed network and in containers. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** @returns {string | undefined} */
function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url)
    /** @type {{ chromium: { executablePath(): string } }} */
    const playwright = require('playwright-core')
    const path = playwright.chromium.executablePath()
    return path && existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

/**
 * The first Chromium that exists, or `undefined`.
 * @param {Record<string, string | undefined>} [env] defaults to `process.env`
 * @returns {FoundChromium | undefined}
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH?.trim()
  if (fromEnv && existsSync(fromEnv)) return { executablePath: fromEnv, source: 'CHROMIUM_PATH' }
  const own = playwrightChromium()
  if (own) return { executablePath: own, source: 'playwright' }
  const system = SYSTEM_CHROMIUM_PATHS.find((path) => existsSync(path))
  if (system) return { executablePath: system, source: 'system' }
  return undefined
}

/**
 * Vitest `--project` filters given on the command line (`--project a`, `--project=a`); empty when none,
 * which means every project runs.
 * @param {readonly string[]} [argv]
 * @returns {string[]}
 */
export function projectFilters(argv = process.argv) {
  /** @type {string[]} */
  const filters = []
  argv.forEach((arg, index) => {
    if (arg === '--project') {
      const next = argv[index + 1]
      if (next) filters.push(next)
    } else if (arg.startsWith('--project=')) filters.push(arg.slice('--project='.length))
  })
  return filters
}

/** @param {string} filter @param {string} name */
function matches(filter, name) {
  if (filter.startsWith('!')) return false
  const pattern = new RegExp(`^${filter.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`)
  return pattern.test(name)
}

/**
 * True when this Vitest run will include one of `names` (no filter = every project).
 * @param {readonly string[]} names
 * @param {readonly string[]} [argv]
 */
export function runIncludesProject(names, argv = process.argv) {
  const filters = projectFilters(argv).filter((f) => !f.startsWith('!'))
  if (filters.length === 0) return true
  return names.some((name) => filters.some((filter) => matches(filter, name)))
}

/** A clean error (message only, no config stack trace) for a missing Chromium. */
export function missingChromiumError() {
  const error = new Error(MISSING_CHROMIUM_MESSAGE)
  error.stack = MISSING_CHROMIUM_MESSAGE
  return error
}
