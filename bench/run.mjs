#!/usr/bin/env node
/**
 * `npm run bench`: runs the four measurements and writes bench/results.json and bench/REPORT.md.
 *   1. size      scripts/size-check.mjs (also `npm run size`; `npm test` runs its no-growth ratchet)
 *   2. render    bench/render/run.mjs (production build in Chromium via Playwright)
 *   3. requests  bench/requests/flows.test.ts (vitest, happy-dom, counted at the adapter)
 *   4. scale     bench/scale/scale.mjs (mock backend with 10k and 100k invitations)
 * A part that misses a target is reported as MISS; the command fails only when a part cannot run.
 * Usage: node bench/run.mjs [--only size,render,requests,scale] [--warm 10]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'bench/.out')
const RESULTS = join(ROOT, 'bench/results.json')
const REPORT = join(ROOT, 'bench/REPORT.md')
const PARTS = ['size', 'render', 'requests', 'scale']
const { values: options } = parseArgs({ options: { only: { type: 'string', default: PARTS.join(',') }, warm: { type: 'string', default: '10' } } })
const ONLY = new Set(options.only.split(','))
const unknown = [...ONLY].filter((part) => !PARTS.includes(part))
if (unknown.length) {
  // Running nothing would still rewrite the report's machine line with this moment's load.
  console.error(`bench: unknown part(s) ${unknown.join(', ')}; --only takes a comma-separated list of ${PARTS.join(', ')}`)
  process.exit(2)
}
const WARM = options.warm
mkdirSync(OUT, { recursive: true })

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`)
  const started = performance.now()
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  const seconds = +((performance.now() - started) / 1000).toFixed(1)
  return { status: result.status ?? 1, seconds }
}

const loadBefore = os.loadavg()
const previous = readJson(RESULTS) ?? {}
const results = { ...previous }
const crashed = []

if (ONLY.has('size')) {
  const r = run('size', process.execPath, ['scripts/size-check.mjs'])
  if (r.status > 1) crashed.push('size')
  results.size = readJson(RESULTS)?.size ?? results.size
}
if (ONLY.has('render')) {
  const file = join(OUT, 'render.json')
  const r = run('render', process.execPath, ['bench/render/run.mjs', '--json', file, '--warm', WARM])
  if (r.status !== 0) crashed.push('render')
  else results.render = { measuredAt: new Date().toISOString(), ...readJson(file) }
}
if (ONLY.has('requests')) {
  const file = join(OUT, 'requests.json')
  const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs')
  const r = run('requests', process.execPath, [vitest, 'run', '--config', 'bench/vitest.requests.config.ts'])
  const data = readJson(file)
  // vitest exits 1 when a target assertion fails: that is a MISS, not a crash, as long as the counts were written.
  if (!data || (r.status !== 0 && r.status !== 1)) crashed.push('requests')
  else results.requests = { measuredAt: new Date().toISOString(), ...data }
}
if (ONLY.has('scale')) {
  const file = join(OUT, 'scale.json')
  const r = run('scale', process.execPath, ['--expose-gc', 'bench/scale/scale.mjs', '--json', file])
  if (r.status !== 0) crashed.push('scale')
  else results.scale = { measuredAt: new Date().toISOString(), ...readJson(file) }
}

const cpus = os.cpus()
results.machine = {
  date: new Date().toISOString(),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  cpu: `${cpus.length} x ${cpus[0]?.model ?? 'unknown'}`,
  memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  chromium: results.render?.chromium ?? null,
  loadAverage: { before: loadBefore.map((n) => +n.toFixed(2)), after: os.loadavg().map((n) => +n.toFixed(2)) },
}
results.summary = summarize(results)
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(REPORT, report(results))
console.log(`\nWrote bench/results.json and bench/REPORT.md`)
for (const t of results.summary) console.log(`${t.status.padEnd(4)} ${t.target}: ${t.figure}`)
if (crashed.length) {
  console.error(`bench: could not run ${crashed.join(', ')}`)
  process.exitCode = 1
}

/** Targets with their figure and PASS/MISS. */
function summarize(r) {
  const out = []
  const kib = (b) => `${(b / 1024).toFixed(2)} KiB`
  for (const e of r.size?.entries ?? []) {
    if (e.budgetGzipKiB === null) continue
    out.push({ part: 'size', target: `${e.name} <= ${e.budgetGzipKiB} KiB gzip`, figure: kib(e.gzip), status: e.pass ? 'PASS' : 'MISS' })
  }
  for (const c of r.render?.comparisons ?? []) {
    out.push({ part: 'render', target: `${c.step} (${c.rows} rows) within ${r.render.targets.ratio}x plain`, figure: `${c.library.warm} ms vs ${c.plain.warm} ms = ${c.ratio.warm}x (warm median)`, status: c.withinRatio ? 'PASS' : 'MISS' })
    if (c.nextPaintOk !== null) out.push({ part: 'render', target: `${c.step} (${c.rows} rows) next paint <= ${r.render.targets.nextPaintMs} ms`, figure: `${c.library.warm} ms (warm median)`, status: c.nextPaintOk ? 'PASS' : 'MISS' })
  }
  for (const f of r.requests?.flows ?? []) {
    out.push({ part: 'requests', target: `${f.flow}: ${f.target}`, figure: `${Object.entries(f.requests).map(([k, v]) => `${k} ${v}`).join(', ') || 'no requests'}`, status: f.pass ? 'PASS' : 'MISS' })
  }
  for (const s of r.scale?.results ?? []) {
    if (s.pass === null) continue
    out.push({ part: 'scale', target: `listInvitations p95 at ${s.invitations} <= ${s.targetP95Ms} ms`, figure: `p95 ${s.p95} ms (p50 ${s.p50} ms)`, status: s.pass ? 'PASS' : 'MISS' })
  }
  return out
}

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
}

function report(r) {
  const m = r.machine
  const kib = (b) => (b / 1024).toFixed(2)
  const lines = [
    '# Performance report',
    '',
    `Generated by \`npm run bench\` on ${m.date.slice(0, 10)} (${m.date}).`,
    '',
    `Machine: ${m.os}, ${m.cpu}, ${m.memoryGiB} GiB RAM, Node ${m.node}, Chromium ${m.chromium ?? 'n/a'}. Load average (1/5/15 min) before ${m.loadAverage.before.join(' / ')}, after ${m.loadAverage.after.join(' / ')}: timings on a loaded 2-core machine are noisy; compare ratios measured in the same run rather than absolute milliseconds.`,
    '',
    '## Summary',
    '',
    table(['part', 'target', 'figure', ''], (r.summary ?? []).map((t) => [t.part, t.target, t.figure, t.status === 'PASS' ? 'PASS' : '**MISS**'])),
    '',
  ]
  if (r.size) {
    lines.push(
      '## 1. Bundle size',
      '',
      'Minified production builds (vite 8 / rolldown), gzip -9 and brotli q11. Peers (vue, pinia, @tanstack/vue-query, vee-validate, zod) external except in the two pages. The reference page is all four components on the REST adapter with every peer bundled (pinia is absent: only the mock uses it); the baseline page is the same peers doing a hand-written list + form (the stack floor).',
      '',
      table(
        ['entry', 'what', 'min KiB', 'gzip KiB', 'brotli KiB', 'budget (gzip KiB)', ''],
        r.size.entries.map((e) => [e.name, e.what, kib(e.raw), kib(e.gzip), kib(e.brotli), e.budgetGzipKiB ?? '-', e.pass === null ? '' : e.pass ? 'PASS' : '**MISS**']),
      ),
      '',
      r.size.baseline ? `Reference page = ${r.size.baseline.referenceOverBaseline}x the plain baseline page; the library adds ${kib(r.size.baseline.libraryCostGzip)} KiB gzip to the stack floor.` : '',
      '',
      '`npm test` runs `npm run size:ratchet`: it fails when an entry grows past its ceiling in `bench/budgets.json` (the last measured size, rounded up to 0.1 KiB), so the figures above can only go down until the budgets are met. `npm run size` checks the budgets themselves.',
      '',
      'Biggest contributors of each entry over budget (minified bytes, attributed through the source map; a module\'s hoisted template constants are charged to the module before it):',
      '',
    )
    for (const e of r.size.entries.filter((x) => x.pass === false)) {
      lines.push(`- **${e.name}**: ${e.contributors.map((c) => `${c.module.replace(/^src\//, '')} ${(c.minified / 1024).toFixed(1)}`).join(', ')} (KiB)`)
    }
    lines.push('')
  }
  if (r.render) {
    lines.push(
      '## 2. Render and interaction cost (Chromium, production build)',
      '',
      `\`NetworkInvitationsTable\` vs a hand-written Vue table + native dialogs over the same mock adapter (zero latency, 250 invitations). Each figure: click (or mount call) until the expected DOM is there and the next frame has painted. ${r.render.rounds ?? 1} rounds, library and plain alternating; per step the median first run (one per fresh page) and the median of all ${(r.render.rounds ?? 1) * r.render.warmRuns} warm runs. Targets: within ${r.render.targets.ratio}x the plain baseline, every interaction's next paint within ${r.render.targets.nextPaintMs} ms.`,
      '',
      table(
        ['rows', 'step', 'library first', 'library warm', 'plain first', 'plain warm', 'ratio warm (first)', `within ${r.render.targets.ratio}x (warm)`, `paint <= ${r.render.targets.nextPaintMs} ms (warm)`],
        r.render.comparisons.map((c) => [c.rows, c.step, c.library.first, c.library.warm, c.plain.first, c.plain.warm, `${c.ratio.warm}x (${c.ratio.first}x)`, c.withinRatio ? 'PASS' : '**MISS**', c.nextPaintOk === null ? '' : c.nextPaintOk ? 'PASS' : '**MISS**']),
      ),
      '',
    )
    // The targets are judged on the warm medians; say plainly where a first run (cold code, few samples) is over one.
    const { ratio: maxRatio, nextPaintMs } = r.render.targets
    const coldMisses = r.render.comparisons.flatMap((c) => [
      ...(c.ratio.first > maxRatio ? [`${c.step} at ${c.rows} rows is ${c.ratio.first}x`] : []),
      ...(c.nextPaintOk !== null && c.library.first > nextPaintMs ? [`${c.step} at ${c.rows} rows paints in ${c.library.first} ms (plain ${c.plain.first} ms)`] : []),
    ])
    lines.push(
      coldMisses.length
        ? `First runs (median of ${r.render.rounds ?? 1} fresh pages; they include compiling the code on first use) over a target: ${coldMisses.join('; ')}.`
        : 'Every first run (median of fresh pages) is within the targets too.',
      '',
    )
  }
  if (r.requests) {
    lines.push(
      '## 3. Requests per user flow',
      '',
      `Counted at the adapter (happy-dom, mock adapter, the page = form + invitations table + networks table on one plugin). Typing: "${r.requests.search}" at ${r.requests.keyIntervalMs} ms per key with a ${r.requests.debounceMs} ms debounce (fake timers).`,
      '',
      table(['flow', 'requests', 'target', '', 'note'], r.requests.flows.map((f) => [f.flow, Object.entries(f.requests).map(([k, v]) => `${k} ${v}`).join(', ') || 'none', f.target, f.pass ? 'PASS' : '**MISS**', f.note ?? ''])),
      '',
    )
  }
  if (r.scale) {
    lines.push(
      '## 4. The mock backend at scale',
      '',
      '`backend.api.listInvitations` (synchronous server side, no latency) over 10k and 100k invitations of one parent, a mix of page 1, deep pages, searches, filters and both. Memory: heap growth after GC for the data.',
      '',
      table(['invitations', 'variant', 'queries', 'p50 ms', 'p95 ms', 'max ms', 'data heap MiB', ''], (r.scale.results ?? []).map((s) => [s.invitations, s.variant ?? 'mock', s.queries, s.p50, s.p95, s.max, s.heapMiB?.data ?? '', s.pass === null ? '' : s.pass ? 'PASS' : '**MISS**'])),
      '',
      'By query kind:',
      '',
      table(['invitations', 'kind', 'n', 'p50 ms', 'p95 ms', 'matching rows'], (r.scale.results ?? []).flatMap((s) => s.kinds.map((k) => [s.invitations, k.kind, k.n, k.p50, k.p95, k.avgTotal]))),
      '',
    )
    if (r.scale.profile?.length) {
      lines.push('CPU profile of listInvitations at the largest size (self time):', '', table(['self %', 'function'], r.scale.profile.map((p) => [p.selfPercent, `\`${p.fn}\``])), '')
    }
  }
  lines.push(
    '## Notes',
    '',
    '- Misses and their causes are listed in the README\'s Performance section.',
    '',
  )
  return lines.join('\n')
}
