/**
 * The playground: `npm run dev` (dev server) and `npm run build:playground` (static build, mock adapter only).
 * On the dev and preview servers it also mounts the reference REST API at /api (over its own mock backend, in
 * Node) and a small control API at /__playground for the REST mode's demo controls (outbox, clock, session...).
 */
import { fileURLToPath } from 'node:url'
import type { IncomingMessage, ServerResponse } from 'node:http'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Connect, type Plugin } from 'vite'
import { referenceApiPlugin } from '../src/server'
import { applyFailurePreset, FAILURE_PRESETS, type FailurePreset } from '../stories/fixtures'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

const api = referenceApiPlugin({ prefix: '/api', accountHeader: false })

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status
  res.setHeader('content-type', 'application/json')
  res.setHeader('cache-control', 'no-store')
  res.end(JSON.stringify(body))
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = ''
  for await (const chunk of req) {
    raw += String(chunk)
    if (raw.length > 10_000) break
  }
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {}
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** Control endpoints over the reference server's backend, for the playground's REST mode. Dev/preview only. */
function playgroundControl(): Plugin {
  const backend = api.reference.backend
  const handler: Connect.NextHandleFunction = (req, res) => {
    void (async () => {
      const state = () => ({
        now: backend.clock.now(),
        session: backend.session(),
        accounts: backend.accounts().map(({ id, title, domain_id, access, created }) => ({ id, title, domain_id, access, created })),
        outbox: backend.outbox(),
        monetization: backend.monetization(),
      })
      if (req.method === 'GET') return send(res, 200, state())
      if (req.method !== 'POST') return send(res, 405, { error: 'method' })
      const body = await readJson(req)
      try {
        switch (body.action) {
          case 'advance':
            backend.clock.advance(Number(body.seconds) || 0)
            break
          case 'signIn':
            backend.signInAs(typeof body.accountId === 'string' ? body.accountId : null)
            break
          case 'latency':
            backend.setLatency(Math.max(0, Number(body.ms) || 0))
            break
          case 'failure':
            if (typeof body.preset === 'string' && body.preset in FAILURE_PRESETS) applyFailurePreset(backend, body.preset as FailurePreset)
            break
          case 'monetization':
            backend.setMonetization(body.on === true)
            break
          case 'reset':
            backend.reset()
            break
          default:
            return send(res, 400, { error: 'unknown action' })
        }
      } catch (error) {
        return send(res, 400, { error: error instanceof Error ? error.message : 'failed' })
      }
      send(res, 200, state())
    })()
  }
  return {
    name: 'vue-account-networks:playground-control',
    configureServer: (server) => void server.middlewares.use('/__playground', handler),
    configurePreviewServer: (server) => void server.middlewares.use('/__playground', handler),
  }
}

export default defineConfig({
  root: here('.'),
  plugins: [vue(), api, playgroundControl()],
  resolve: {
    alias: { 'vue-account-networks': here('../src') },
  },
  server: { port: 5173 },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
})
