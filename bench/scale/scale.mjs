#!/usr/bin/env node --expose-gc
/**
 * The mock backend at scale: 10k and 100k invitations for one parent account, then `backend.api.listInvitations`
 * (the synchronous server side, no latency) with search, filter and paging; p50/p95 per query kind and memory.
 * Builds src/adapters/mock into bench/.out/scale/ first (the production code path, peers from node_modules).
 *
 * Usage: node --expose-gc bench/scale/scale.mjs [--json out.json] [--sizes 10000,100000] [--queries 200]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'vite'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const OUT = join(ROOT, 'bench/.out/scale')
const { values: options } = parseArgs({
  options: {
    json: { type: 'string', default: '' },
    sizes: { type: 'string', default: '10000,100000' },
    queries: { type: 'string', default: '200' },
    'kind-budget': { type: 'string', default: '5' },
  },
})
const SIZES = options.sizes.split(',').map(Number)
const QUERIES = Number(options.queries)
/** Seconds each query kind may take at most per size (at least MIN_PER_KIND queries still run), so a slow backend keeps the bench short. */
const KIND_BUDGET_S = Number(options['kind-budget'])
const MIN_PER_KIND = 10
const TARGET_P95_MS = 20

async function buildMock() {
  mkdirSync(OUT, { recursive: true })
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    mode: 'production',
    build: {
      outDir: OUT,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: { mock: join(ROOT, 'src/adapters/mock/index.ts'), random: join(ROOT, 'src/adapters/mock/random.ts') },
        external: [/^vue($|\/)/, /^@vue\//, /^pinia($|\/)/, /^zod($|\/)/],
        preserveEntrySignatures: 'strict',
        output: { entryFileNames: '[name].js', chunkFileNames: '[name].js' },
      },
    },
  })
  const mock = await import(pathToFileURL(join(OUT, 'mock.js')).href)
  const { createRandom } = await import(pathToFileURL(join(OUT, 'random.js')).href)
  return { ...mock, createRandom }
}

const gc = () => {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc()
    globalThis.gc()
  }
}
const heap = () => {
  gc()
  return process.memoryUsage().heapUsed
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
const round = (n, d = 2) => +n.toFixed(d)

const FIRST = ['ava', 'noah', 'emma', 'lucas', 'mia', 'ethan', 'sofia', 'mateo', 'chloe', 'leo', 'hannah', 'omar', 'isla', 'kenji', 'priya', 'diego']
const LAST = ['garcia', 'smith', 'nguyen', 'muller', 'rossi', 'kim', 'silva', 'dubois', 'cohen', 'haddad', 'jensen', 'novak', 'tanaka', 'walsh']
const PLACES = ['bluefin', 'cedar', 'golden', 'maple', 'silver', 'riverbend', 'summit', 'oakwood', 'pinecrest', 'lakeside', 'copper', 'juniper']
const KINDS = ['market', 'grocers', 'pantry', 'bistro', 'kitchen', 'grill', 'trattoria', 'diner']

/** `count` invitation records of the seed's parent account, deterministic (the mock's own seeded generator). */
function makeRecords(mock, backend, count) {
  const { next: random, pick } = mock.createRandom(count)
  const parent = mock.MOCK_IDS.accounts.harbor
  const domains = backend.api.listNetworkDomains().map((d) => d.id)
  const now = backend.clock.now()
  const lifetime = mock.MOCK_DEFAULT_INVITATION_LIFETIME
  const records = new Array(count)
  for (let i = 0; i < count; i++) {
    const created = now - Math.floor(random() * 400 * 86400)
    const activated = random() < 0.3 ? created + 3600 : null
    const record = {
      id: `nwi_${i.toString(36).padStart(16, '0')}`,
      parent_account_id: parent,
      created,
      domain_id: pick(domains),
      email: `${pick(FIRST)}.${pick(LAST)}${i}@${pick(PLACES)}-${pick(KINDS)}.com`,
      expires: created + lifetime,
      activated,
      token: `tok_${i.toString(36).padStart(40, 'x')}`,
    }
    if (random() < 0.5) record.fee_proposed = pick([1, 1.5, 2, 2.5, 3])
    if (activated !== null) record.child_account_id = `acc_${i.toString(36).padStart(10, '0')}`
    records[i] = record
  }
  return records
}

/** The query mix: kind → queries. */
function queryMix(total) {
  const kinds = {
    'page 1 (no criteria)': (i) => ({ page: 1, records: 25 }),
    'deep page': (i) => ({ page: 2 + (i % 50), records: 25 }),
    'search (1 word)': (i) => ({ search: ['garcia', 'bistro', 'maple', 'retail', 'kenji'][i % 5], records: 25 }),
    'search, no match': (i) => ({ search: `zz-none-${i}`, records: 25 }),
    'filter': (i) => ({ filter: ['pending', 'expired', 'active'][i % 3], records: 25 }),
    'search + filter + page 2': (i) => ({ search: ['a', 'co', 'e'][i % 3], filter: ['pending', 'expired', 'active'][i % 3], page: 2, records: 100 }),
  }
  const per = Math.max(1, Math.round(total / Object.keys(kinds).length))
  return Object.entries(kinds).map(([kind, make]) => ({ kind, queries: Array.from({ length: per }, (_, i) => make(i)) }))
}

async function measure(mock, size) {
  const backend = mock.createMockBackend({ seed: false })
  const before = heap()
  const records = makeRecords(mock, backend, size)
  const tInsert = performance.now()
  backend.store.$patch((state) => {
    state.invitations = records
  })
  const insertMs = performance.now() - tInsert
  const afterInsert = heap()
  // Warm up (JIT, lazily created reactive proxies).
  for (let i = 0; i < 3; i++) backend.api.listInvitations({ search: 'warm', page: 1 })
  const kinds = []
  const all = []
  for (const { kind, queries } of queryMix(QUERIES)) {
    const times = []
    let rows = 0
    const kindStart = performance.now()
    for (const q of queries) {
      const t0 = performance.now()
      const page = backend.api.listInvitations(q)
      times.push(performance.now() - t0)
      rows += page.total
      if (times.length >= MIN_PER_KIND && performance.now() - kindStart > KIND_BUDGET_S * 1000) break
    }
    times.sort((a, b) => a - b)
    all.push(...times)
    kinds.push({ kind, n: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times[times.length - 1] ?? 0), avgTotal: Math.round(rows / times.length) })
  }
  all.sort((a, b) => a - b)
  const afterQueries = heap()
  const result = {
    variant: 'mock',
    invitations: size,
    queries: all.length,
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    max: round(all[all.length - 1] ?? 0),
    insertMs: round(insertMs),
    heapMiB: { data: round((afterInsert - before) / 2 ** 20, 1), afterQueries: round((afterQueries - before) / 2 ** 20, 1) },
    kinds,
    targetP95Ms: TARGET_P95_MS,
    pass: size < 100_000 ? null : percentile(all, 95) <= TARGET_P95_MS,
  }
  return result
}

/** A CPU profile of the slowest query kind at the largest size, folded to the hottest functions. */
async function hotSpots(mock, size) {
  const { Session } = await import('node:inspector/promises')
  const backend = mock.createMockBackend({ seed: false })
  backend.store.$patch((state) => {
    state.invitations = makeRecords(mock, backend, size)
  })
  backend.api.listInvitations({})
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  for (let i = 0; i < 4; i++) backend.api.listInvitations({ search: 'maple', filter: 'pending', page: 1 })
  for (let i = 0; i < 4; i++) backend.api.listInvitations({ page: 3 })
  const { profile } = await session.post('Profiler.stop')
  session.disconnect()
  const self = new Map()
  const dt = profile.timeDeltas ?? []
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    if (!node) return
    const { functionName, url, lineNumber } = node.callFrame
    const where = url ? `${url.replace(/^.*\/(node_modules\/|bench\/\.out\/)/, '')}:${lineNumber + 1}` : '(native)'
    const key = `${functionName || '(anonymous)'} ${where}`
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0))
  })
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([fn, us]) => ({ fn, selfPercent: round((100 * us) / total, 1) }))
}

async function main() {
  if (typeof globalThis.gc !== 'function') console.warn('scale: run with node --expose-gc for memory figures')
  const mock = await buildMock()
  const results = []
  for (const size of SIZES) {
    const r = await measure(mock, size)
    results.push(r)
    console.log(`${String(size).padStart(7)} invitations: p50 ${r.p50} ms, p95 ${r.p95} ms, max ${r.max} ms; data ${r.heapMiB.data} MiB heap; insert ${r.insertMs} ms`)
    for (const k of r.kinds) console.log(`    ${k.kind.padEnd(26)} p50 ${String(k.p50).padStart(8)}  p95 ${String(k.p95).padStart(8)}  (avg total ${k.avgTotal})`)
  }
  const largest = Math.max(...SIZES)
  const worst = results.find((r) => r.invitations === largest)
  const profile = worst && worst.p95 > TARGET_P95_MS ? await hotSpots(mock, largest) : []
  if (profile.length) {
    console.log(`hot spots at ${largest} (self time):`)
    for (const p of profile) console.log(`    ${String(p.selfPercent).padStart(5)}%  ${p.fn}`)
  }
  const out = options.json
  if (out) writeFileSync(out, JSON.stringify({ results, profile }, null, 2))
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 2
})
