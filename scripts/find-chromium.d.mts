/** Where a Chromium came from. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'playwright' | 'system'
/** A Chromium executable that exists. */
export interface FoundChromium {
  /** Absolute path of the executable. */
  executablePath: string
  /** Which rule found it. */
  source: ChromiumSource
}
/** System paths tried after Playwright's own browser. */
export declare const SYSTEM_CHROMIUM_PATHS: readonly string[]
/** The single message shown when no Chromium exists. */
export declare const MISSING_CHROMIUM_MESSAGE: string
/** Launch flags that keep Chromium quiet on a closed network and in containers. */
export declare const CHROMIUM_ARGS: readonly string[]
/** The first Chromium that exists, or `undefined`. `env` defaults to `process.env`. */
export declare function findChromium(env?: Record<string, string | undefined>): FoundChromium | undefined
/** Vitest `--project` filters given on the command line; empty when none. */
export declare function projectFilters(argv?: readonly string[]): string[]
/** True when this Vitest run will include one of `names` (no filter = every project). */
export declare function runIncludesProject(names: readonly string[], argv?: readonly string[]): boolean
/** A clean error (message only) for a missing Chromium. */
export declare function missingChromiumError(): Error
