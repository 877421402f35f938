/**
 * The `e2e` Vitest project: Node tests (`*.e2e.test.ts` under test/e2e/) that build the playground, serve it and drive
 * it in Chromium with Playwright. Node code, imported by vite.config.ts.
 *
 * Without a Chromium, a run that includes this project fails with the one message of scripts/find-chromium.mjs;
 * a run filtered to other projects and non-Vitest tools loading the config are unaffected.
 */
import { findChromium, missingChromiumError, runIncludesProject } from '../../scripts/find-chromium.mjs'

/** Name of the project. */
export const E2E_PROJECT_NAME = 'e2e'

/** Files of the project; no other project's include matches them. */
export const E2E_INCLUDE = ['test/e2e/**/*.e2e.test.ts']

/**
 * The e2e project for `test.projects`, or none when this is not a Vitest run.
 * @returns {import('vitest/config').TestProjectInlineConfiguration[]}
 */
export function e2eProjects() {
  if (process.env.VITEST !== 'true') return []
  if (!findChromium() && runIncludesProject([E2E_PROJECT_NAME])) throw missingChromiumError()
  return [
    {
      test: {
        name: E2E_PROJECT_NAME,
        environment: 'node',
        include: [...E2E_INCLUDE],
        // One build, one browser, one flow: generous limits, as on 2 busy cores.
        testTimeout: 120_000,
        hookTimeout: 120_000,
      },
    },
  ]
}
