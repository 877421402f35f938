#!/usr/bin/env node
/**
 * Size check: builds each measured entry (minified, as a host's production build would) into bench/.out/size/,
 * prints gzip and brotli bytes, writes the figures into bench/results.json (`size`) and exits 1 when a budget of
 * bench/budgets.json is broken.
 *
 * Entries (peers external: vue, pinia, @tanstack/vue-query, vee-validate, zod):
 * - `core`: src/index.ts, everything the root export has (core, composables, messages, all four components);
 * - `component:<Name>`: `export { <Name> } from 'src/index.ts'`, tree-shaken: what that component pulls in;
 * - `./mock`, `./rest`: the adapter subpath exports;
 * - `style.css`: src/styles/index.css with its imports, minified;
 * - `reference-page`: bench/size/reference-page.ts, all four components on the REST adapter, every peer bundled;
 * - `baseline-page`: bench/size/baseline-page.ts, the same peers doing a hand-written minimum (the floor).
 *
 * Usage: node scripts/size-check.mjs [--no-write] [--quiet] [--ratchet]
 *
 * `--ratchet` (run by `npm test`): checks the ceilings of bench/budgets.json (`ceilingGzipKiB`: the last measured
 * size, rounded up to 0.1 KiB) instead of the budgets, so CI stops any entry from growing while budgets are still
 * missed. It never replaces the budgets: the plain run still fails while one is broken.
 * `--lower-ceilings`: after measuring, lowers each ceiling to the new size (rounded up to 0.1 KiB); never raises one.
 * `TOPN=<n>` (environment): how many biggest contributors each entry lists (default 10).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import vue from '@vitejs/plugin-vue'
import { build } from 'vite'

// What a host's `vite build` does: production mode for every tool that reads NODE_ENV. Set before the first build,
// which loads Vue's template compiler: unset, the compiler loads its development build, which keeps template
// comments (as comment vnodes) that a production build strips.
process.env.NODE_ENV = 'production'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = process.env.SIZE_OUT ? resolve(process.env.SIZE_OUT) : join(ROOT, 'bench/.out/size')
const RESULTS = join(ROOT, 'bench/results.json')
const BUDGETS = join(ROOT, 'bench/budgets.json')
const COMPONENTS = ['NetworkInvitationForm', 'NetworkActivation', 'NetworkInvitationsTable', 'NetworksTable']
const PEERS = [/^vue($|\/)/, /^@vue\//, /^pinia($|\/)/, /^@tanstack\//, /^vee-validate($|\/)/, /^zod($|\/)/]
const args = new Set(process.argv.slice(2))
const KiB = 1024
/** What the limits are: the budgets, or (with --ratchet) the no-growth ceilings. */
const LIMIT = args.has('--ratchet') ? 'ceiling' : 'budget'

/** @typedef {{ name: string, kind: 'js' | 'css', input: string, external: boolean, what: string }} Entry */

function entries() {
  const generated = join(OUT, '_entries')
  mkdirSync(generated, { recursive: true })
  const spec = (path) => relative(generated, join(ROOT, path)).split('\\').join('/')
  // The root export should re-export the components; until it does, the core entry adds src/components itself
  // (the figure is then what the root export will weigh once it does).
  const rootHasComponents = /from ['"]\.\/components(\/index)?['"]/.test(readFileSync(join(ROOT, 'src/index.ts'), 'utf8'))
  const core = join(generated, 'core.ts')
  writeFileSync(core, rootHasComponents ? `export * from '${spec('src/index')}'\n` : `export * from '${spec('src/index')}'\nexport * from '${spec('src/components/index')}'\n`)
  /** @type {Entry[]} */
  const list = [{ name: 'core', kind: 'js', input: core, external: true, what: `root export: core, composables, messages, 4 components${rootHasComponents ? '' : ' (src/index.ts does not export src/components yet: added)'}` }]
  for (const component of COMPONENTS) {
    const file = join(generated, `${component}.ts`)
    writeFileSync(file, `export { ${component} } from '${spec(rootHasComponents ? 'src/index' : 'src/components/index')}'\n`)
    list.push({ name: `component:${component}`, kind: 'js', input: file, external: true, what: `${component} alone, tree-shaken` })
  }
  list.push(
    { name: './mock', kind: 'js', input: join(ROOT, 'src/adapters/mock/index.ts'), external: true, what: 'mock backend + adapter' },
    { name: './rest', kind: 'js', input: join(ROOT, 'src/adapters/rest/index.ts'), external: true, what: 'REST adapter' },
    { name: 'style.css', kind: 'css', input: join(ROOT, 'src/styles/index.css'), external: true, what: 'opt-in stylesheet' },
    { name: 'reference-page', kind: 'js', input: join(ROOT, 'bench/size/reference-page.ts'), external: false, what: '4 components + REST adapter, vue, vue-query, vee-validate, zod/mini bundled' },
    { name: 'baseline-page', kind: 'js', input: join(ROOT, 'bench/size/baseline-page.ts'), external: false, what: 'plain baseline: same peers, hand-written list + form' },
  )
  return list
}

/** Groups a module id into a readable contributor: a package name or a src/ area. */
function contributor(id) {
  const clean = id.replace(/\?.*$/, '').replace(/^\0/, '')
  const nm = clean.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const parts = clean.slice(nm + 'node_modules/'.length).split('/')
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? clean)
  }
  const rel = relative(ROOT, clean).split('\\').join('/')
  return rel.startsWith('..') ? clean : rel
}

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]))

/** Decodes one source-map segment (base64 VLQ) into numbers. */
function decodeSegment(segment) {
  const values = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = B64.get(char) ?? 0
    value += (digit & 31) << shift
    if (digit & 32) shift += 5
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}

/**
 * Minified bytes per original source, from the output's source map (like source-map-explorer): each generated
 * span is charged to the source of the mapping it starts at; unmapped spans to `(generated)`.
 */
function attribute(code, map) {
  /** @type {Map<string, number>} */
  const bytes = new Map()
  const add = (key, n) => bytes.set(key, (bytes.get(key) ?? 0) + n)
  const lines = code.split('\n')
  let sourceIndex = 0
  /** @type {string} */
  let last = '(generated)'
  map.mappings.split(';').forEach((lineMappings, lineNo) => {
    const line = lines[lineNo] ?? ''
    let column = 0
    /** @type {{ column: number, source: string }[]} */
    const segments = []
    for (const segment of lineMappings ? lineMappings.split(',') : []) {
      const v = decodeSegment(segment)
      column += v[0] ?? 0
      if (v.length >= 4) {
        sourceIndex += v[1] ?? 0
        last = map.sources[sourceIndex] ?? last
      }
      // A span without a source (e.g. compiled SFC template code) is charged to the module it sits in.
      segments.push({ column, source: last })
    }
    if (segments.length === 0) return add(last, line.length)
    add(last === segments[0]?.source ? '(generated)' : last, segments[0]?.column ?? 0)
    segments.forEach((seg, i) => add(seg.source, (segments[i + 1]?.column ?? line.length) - seg.column))
  })
  return bytes
}

/** Builds one entry; returns output files and module contributions. */
async function buildEntry(entry) {
  const outDir = join(OUT, entry.name.replace(/[^\w.-]+/g, '_'))
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    mode: 'production',
    plugins: entry.kind === 'js' ? [vue()] : [],
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      cssMinify: true,
      sourcemap: 'hidden',
      modulePreload: false,
      reportCompressedSize: false,
      write: true,
      rolldownOptions: {
        input: { [entry.kind === 'css' ? 'style' : 'entry']: entry.input },
        external: entry.external ? PEERS : [],
        preserveEntrySignatures: entry.external ? 'strict' : false,
        output: { entryFileNames: '[name].js', chunkFileNames: '[name].js', assetFileNames: '[name][extname]' },
      },
    },
  })
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []))
  /** @type {Map<string, number>} */
  const modules = new Map()
  for (const chunk of outputs) {
    if (chunk.type !== 'chunk' || !chunk.map) continue
    for (const [source, bytes] of attribute(chunk.code, chunk.map)) {
      const key = source === '(generated)' ? source : contributor(resolve(outDir, source))
      modules.set(key, (modules.get(key) ?? 0) + bytes)
    }
  }
  const files = readdirSync(outDir, { recursive: true })
    .map((f) => join(outDir, String(f)))
    .filter((f) => statSync(f).isFile() && (entry.kind === 'css' ? f.endsWith('.css') : f.endsWith('.js')))
  const code = Buffer.concat(files.map((f) => readFileSync(f)))
  return {
    files: files.map((f) => relative(ROOT, f)),
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: code.length } }).length,
    contributors: [...modules.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOPN ?? 10)).map(([module, minified]) => ({ module, minified })),
  }
}

/** The limits checked (budgets, or with --ratchet the ceilings) and the budgets themselves. */
function loadBudgets() {
  const parsed = JSON.parse(readFileSync(BUDGETS, 'utf8'))
  return {
    limits: /** @type {Record<string, number>} */ ((LIMIT === 'ceiling' ? parsed.ceilingGzipKiB : parsed.gzipKiB) ?? {}),
    budgets: /** @type {Record<string, number>} */ (parsed.gzipKiB ?? {}),
  }
}

function readResults() {
  if (!existsSync(RESULTS)) return {}
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8'))
  } catch {
    return {}
  }
}

const kib = (bytes) => (bytes / KiB).toFixed(2)

/** Sets each library entry's ceiling to its size rounded up to 0.1 KiB when that is lower (or there is none yet). */
function lowerCeilings(figures) {
  const parsed = JSON.parse(readFileSync(BUDGETS, 'utf8'))
  const ceilings = parsed.ceilingGzipKiB ?? {}
  for (const f of figures) {
    if (f.name === 'baseline-page') continue
    const next = Math.ceil((f.gzip / KiB) * 10) / 10
    if (ceilings[f.name] === undefined || next < ceilings[f.name]) ceilings[f.name] = next
  }
  parsed.ceilingGzipKiB = ceilings
  writeFileSync(BUDGETS, `${JSON.stringify(parsed, null, 2)}\n`)
}

async function main() {
  const started = performance.now()
  const { limits, budgets } = loadBudgets()
  rmSync(OUT, { recursive: true, force: true })
  const list = entries()
  // Sequential: parallel vite builds in one process share plugin state and gain little on 2 cores.
  const figures = []
  for (const entry of list) {
    const result = await buildEntry(entry)
    // The checked limit (a budget, or with --ratchet a ceiling); results.json is written only in budget mode.
    const limit = limits[entry.name]
    const pass = limit === undefined ? null : result.gzip <= limit * KiB
    figures.push({ name: entry.name, what: entry.what, raw: result.raw, gzip: result.gzip, brotli: result.brotli, budgetGzipKiB: limit ?? null, pass, contributors: result.contributors })
  }
  const baseline = figures.find((f) => f.name === 'baseline-page')
  const reference = figures.find((f) => f.name === 'reference-page')
  const size = {
    unit: 'bytes (minified; gzip -9, brotli q11); budgets in KiB of gzip',
    entries: figures,
    baseline: baseline && reference ? { referenceOverBaseline: +(reference.gzip / baseline.gzip).toFixed(2), libraryCostGzip: reference.gzip - baseline.gzip } : null,
  }

  const rows = figures.map((f) => [
    f.name,
    kib(f.raw),
    kib(f.gzip),
    kib(f.brotli),
    f.budgetGzipKiB === null ? '-' : `${f.budgetGzipKiB}`,
    f.pass === null ? '' : f.pass ? 'PASS' : 'FAIL',
  ])
  const header = ['entry', 'min KiB', 'gzip KiB', 'brotli KiB', LIMIT, '']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')
  if (!args.has('--quiet')) {
    console.log(line(header))
    for (const r of rows) console.log(line(r))
    if (size.baseline) console.log(`reference page = ${size.baseline.referenceOverBaseline}x the plain baseline page (library cost ${kib(size.baseline.libraryCostGzip)} KiB gzip)`)
  }
  const failures = figures.filter((f) => f.pass === false)
  for (const f of failures) {
    console.error(`\nsize ${LIMIT} broken: ${f.name} is ${kib(f.gzip)} KiB gzip, ${LIMIT} ${f.budgetGzipKiB} KiB. Biggest contributors (minified bytes, from the source map):`)
    for (const c of f.contributors) console.error(`  ${c.module.padEnd(60)} ${String(c.minified).padStart(7)}`)
  }

  if (!args.has('--no-write') && LIMIT === 'budget') {
    // Rewrite only when a figure changed, so `npm test` leaves a clean tree on unchanged code.
    const results = readResults()
    const strip = (s) => JSON.stringify({ ...s, measuredAt: undefined })
    if (!results.size || strip(results.size) !== strip(size)) {
      results.size = { measuredAt: new Date().toISOString(), ...size }
      writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`)
    }
  }
  if (args.has('--lower-ceilings')) lowerCeilings(figures)
  // The ratchet passes while budgets are still missed: say so in every CI log, so a green run never hides them.
  const missed = LIMIT === 'ceiling' ? figures.filter((f) => budgets[f.name] !== undefined && f.gzip > budgets[f.name] * KiB) : []
  if (missed.length && !args.has('--quiet')) {
    console.log(`budgets still missed (npm run size fails on them): ${missed.map((f) => `${f.name} ${kib(f.gzip)} > ${budgets[f.name]} KiB`).join(', ')}`)
  }
  if (!args.has('--quiet')) console.log(`size check: ${figures.length} entries in ${((performance.now() - started) / 1000).toFixed(1)} s, ${failures.length ? `${failures.length} ${LIMIT}(s) broken` : `all ${LIMIT}s kept`}`)
  process.exitCode = failures.length ? 1 : 0
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 2
})
