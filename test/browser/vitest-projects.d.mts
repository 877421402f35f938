import type { TestProjectInlineConfiguration } from 'vitest/config'
/** Names of the projects that need a browser. */
export declare const BROWSER_PROJECT_NAMES: readonly ['browser', 'storybook']
/** A fresh browser-mode config: Playwright provider, headless Chromium at `executablePath`. */
export declare function browserMode(executablePath: string): NonNullable<NonNullable<TestProjectInlineConfiguration['test']>['browser']>
/** The browser projects for `test.projects`, or none when this is not a Vitest run that needs them. */
export declare function browserProjects(): TestProjectInlineConfiguration[]
