/**
 * The Vitest projects that run in a real Chromium: `browser` (test/browser/**) and `storybook` (every story
 * and its play function, through @storybook/addon-vitest). Node code, imported by vite.config.ts.
 *
 * Each project gets a fresh browser config from `browserMode()`: a shared object makes Vitest mislabel projects.
 * Without a Chromium, a run that includes these projects fails with one message naming the install command;
 * a run filtered to other projects (`--project dom`) and non-Vitest tools loading the config are unaffected.
 */
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { CHROMIUM_ARGS, findChromium, missingChromiumError, runIncludesProject } from '../../scripts/find-chromium.mjs'

/** Names of the projects that need a browser. */
export const BROWSER_PROJECT_NAMES = /** @type {const} */ (['browser', 'storybook'])

/**
 * Dependencies pre-bundled up front, so Vite does not discover them mid-run and reload the page under a test.
 * A fresh array per project.
 */
export function optimizedDeps() {
  return ['vue', 'pinia', '@tanstack/vue-query', 'vee-validate', 'zod/mini', 'axe-core', '@vue/test-utils']
}

/**
 * A fresh browser-mode config: Playwright provider, headless Chromium at `executablePath`.
 * @param {string} executablePath
 */
export function browserMode(executablePath) {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: { executablePath, args: [...CHROMIUM_ARGS] } }),
    instances: [{ browser: /** @type {const} */ ('chromium') }],
    screenshotFailures: false,
  }
}

/**
 * The browser projects for `test.projects`, or none when this is not a Vitest run that needs them.
 * @returns {import('vitest/config').TestProjectInlineConfiguration[]}
 */
export function browserProjects() {
  // Only Vitest runs need them; `vite build` and Storybook also load vite.config.ts.
  if (process.env.VITEST !== 'true') return []
  const chromium = findChromium()
  if (!chromium) {
    if (runIncludesProject(BROWSER_PROJECT_NAMES)) throw missingChromiumError()
    return []
  }
  return [
    {
      extends: true,
      optimizeDeps: { include: optimizedDeps() },
      test: {
        name: 'browser',
        include: ['test/browser/**/*.test.ts'],
        testTimeout: 60_000,
        browser: browserMode(chromium.executablePath),
      },
    },
    {
      extends: true,
      plugins: [storybookTest({ configDir: '.storybook' })],
      optimizeDeps: { include: optimizedDeps() },
      test: {
        name: 'storybook',
        testTimeout: 60_000,
        browser: browserMode(chromium.executablePath),
      },
    },
  ]
}
