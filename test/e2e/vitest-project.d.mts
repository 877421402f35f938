import type { TestProjectInlineConfiguration } from 'vitest/config'
/** Name of the project. */
export declare const E2E_PROJECT_NAME: 'e2e'
/** Files of the project. */
export declare const E2E_INCLUDE: readonly string[]
/** The e2e project for `test.projects`, or none when this is not a Vitest run. */
export declare function e2eProjects(): TestProjectInlineConfiguration[]
