/**
 * Builds the playground with Vite's JS API and serves the build with `vite preview` on 127.0.0.1 (a free port),
 * for the end-to-end test (test/e2e/) and the README screenshots (scripts/screenshots.mjs). Node code.
 *
 * The build goes to a fresh temporary directory (never `playground/dist`), so concurrent runs and a clean clone
 * work alike; `close()` stops the server and removes it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'

/** The playground's Vite config. */
export const PLAYGROUND_CONFIG = fileURLToPath(new URL('../../playground/vite.config.ts', import.meta.url))

/**
 * Builds the playground and serves it.
 * @param {{ label?: string, port?: number }} [options] `label` names the temporary directory; `port` is tried
 *   first (the next free one is taken when busy), default any free port
 * @returns {Promise<{ url: string, outDir: string, close: () => Promise<void> }>}
 */
export async function startPlayground(options = {}) {
  // Vite 8 warns, on every config load, that the playground config's extensionless imports would not work with
  // the future native config loader; nothing to act on here.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'
  const outDir = await mkdtemp(join(tmpdir(), `vue-account-networks-${options.label ?? 'playground'}-`))
  try {
    await build({ configFile: PLAYGROUND_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
    const server = await preview({
      configFile: PLAYGROUND_CONFIG,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: options.port ?? 0, strictPort: options.port === undefined, open: false },
    })
    const address = server.httpServer.address()
    if (!address || typeof address === 'string') throw new Error('vite preview did not listen on a TCP port')
    return {
      url: `http://127.0.0.1:${address.port}/`,
      outDir,
      close: async () => {
        try {
          await server.close()
        } finally {
          await rm(outDir, { recursive: true, force: true })
        }
      },
    }
  } catch (error) {
    await rm(outDir, { recursive: true, force: true })
    throw error
  }
}
