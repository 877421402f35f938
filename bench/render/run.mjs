#!/usr/bin/env node
/**
 * Render and interaction cost in Chromium: builds bench/render/ in production mode, serves it with `vite preview`,
 * and for each of { library, plain } x { 25, 100 rows } opens a fresh page and runs the flow 1 + WARM times:
 * mount, next page, open the invite dialog, submit the form, open a delete confirmation, confirm it.
 * This is repeated ROUNDS times, library and plain alternating (and swapping which goes first), so a slow
 * moment of a shared machine falls on both sides rather than on one. Reports the median first run (one per
 * fresh page) and the median of all warm runs, and library/plain ratios.
 *
 * Usage: node bench/render/run.mjs [--json out.json] [--warm 10] [--rounds 5]
 */
import { writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright'
import { build, preview } from 'vite'
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_MESSAGE } from '../../scripts/find-chromium.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const CONFIG = join(ROOT, 'bench/render/vite.config.ts')
const { values: options } = parseArgs({ options: { json: { type: 'string', default: '' }, warm: { type: 'string', default: '10' }, rounds: { type: 'string', default: '5' } } })
const WARM = Number(options.warm)
const ROUNDS = Math.max(1, Number(options.rounds))
const ROWS = [25, 100]
const MODES = ['library', 'plain']
const STEPS = ['mount', 'next', 'invite', 'submit', 'delete', 'confirm']
const TARGET_RATIO = 2
const TARGET_PAINT_MS = 100

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const round = (n) => +n.toFixed(1)
/** An empty sample list per step. @returns {Record<string, number[]>} */
const perStep = () => Object.fromEntries(STEPS.map((s) => [s, []]))

async function main() {
  const found = findChromium()
  if (!found) throw new Error(MISSING_CHROMIUM_MESSAGE)
  // A production build, as a host's `vite build` makes it: NODE_ENV set before Vue's template compiler loads.
  process.env.NODE_ENV = 'production'
  await build({ configFile: CONFIG, logLevel: 'warn' })
  const server = await preview({ configFile: CONFIG, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', open: false } })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('render bench: preview server has no URL')
  const browser = await chromium.launch({ executablePath: found.executablePath, args: [...CHROMIUM_ARGS] })
  const chromiumVersion = browser.version()
  /** @type {Record<string, Record<string, { first: number, warm: number, runs: number[] }>>} */
  const figures = {}
  try {
    for (const rows of ROWS) {
      /**
       * Per mode and step: the first run of each fresh page, and every warm run.
       * @type {Record<string, { first: Record<string, number[]>, warm: Record<string, number[]> }>}
       */
      const samples = Object.fromEntries(MODES.map((mode) => [mode, { first: perStep(), warm: perStep() }]))
      for (let pass = 0; pass < ROUNDS; pass++) {
        for (const mode of pass % 2 ? [...MODES].reverse() : MODES) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
          const page = await context.newPage()
          const errors = []
          page.on('pageerror', (error) => errors.push(error.message))
          await page.goto(url)
          await page.waitForFunction(() => window.bench?.ready === true)
          for (let run = 0; run <= WARM; run++) {
            const times = { mount: await page.evaluate(([m, n]) => window.bench.mount(m, n), [mode, rows]) }
            for (const step of STEPS.slice(1)) times[step] = await page.evaluate((s) => window.bench.step(s), step)
            await page.evaluate(() => window.bench.unmount())
            for (const step of STEPS) samples[mode][run === 0 ? 'first' : 'warm'][step].push(times[step])
          }
          if (errors.length) throw new Error(`render bench (${mode}, ${rows}): ${errors.join('; ')}`)
          await context.close()
        }
      }
      for (const mode of MODES) {
        const { first, warm } = samples[mode]
        const figure = Object.fromEntries(STEPS.map((s) => [s, { first: round(median(first[s])), warm: round(median(warm[s])), runs: warm[s].map(round) }]))
        figures[`${mode}:${rows}`] = figure
        console.log(`${mode.padEnd(8)} ${String(rows).padStart(3)} rows: ${STEPS.map((s) => `${s} ${figure[s].first}/${figure[s].warm}`).join(', ')} (first/warm ms)`)
      }
    }
  } finally {
    await browser.close()
    await new Promise((r) => server.httpServer.close(r))
  }
  const comparisons = []
  for (const rows of ROWS) {
    for (const step of STEPS) {
      const lib = figures[`library:${rows}`][step]
      const plain = figures[`plain:${rows}`][step]
      const ratioFirst = round(lib.first / Math.max(plain.first, 0.1))
      const ratioWarm = round(lib.warm / Math.max(plain.warm, 0.1))
      comparisons.push({
        rows,
        step,
        library: { first: lib.first, warm: lib.warm },
        plain: { first: plain.first, warm: plain.warm },
        ratio: { first: ratioFirst, warm: ratioWarm },
        withinRatio: ratioWarm <= TARGET_RATIO,
        nextPaintOk: step === 'mount' ? null : lib.warm <= TARGET_PAINT_MS,
      })
    }
  }
  const out = options.json
  const result = { chromium: chromiumVersion, chromiumSource: found.source, warmRuns: WARM, rounds: ROUNDS, targets: { ratio: TARGET_RATIO, nextPaintMs: TARGET_PAINT_MS }, comparisons, figures }
  if (out) writeFileSync(out, JSON.stringify(result, null, 2))
  for (const c of comparisons) {
    console.log(
      `${String(c.rows).padStart(3)} rows ${c.step.padEnd(8)} library ${String(c.library.warm).padStart(6)} ms  plain ${String(c.plain.warm).padStart(6)} ms  ratio ${String(c.ratio.warm).padStart(5)}x ${c.withinRatio ? 'PASS' : 'MISS'}${c.nextPaintOk === null ? '' : c.nextPaintOk ? '  paint PASS' : '  paint MISS'}`,
    )
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 2
})
