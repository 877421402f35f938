#!/usr/bin/env node
/**
 * Checks the built package in dist/ beyond what publint and attw look at:
 * - every file that package.json `exports` points to exists;
 * - JS imports only its own chunks, the peers, `vitest` and `node:*` (nothing bundled from node_modules,
 *   judged by the source maps too) and never CSS;
 * - the only stylesheet is style.css (CSS leaking into the JS build lands in another .css file);
 * - declarations cover src only (no tests, stories, playground) and use extension-ful relative specifiers.
 * Usage: node scripts/check-dist.mjs (after `npm run build`)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const dist = 'dist'
const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const problems = []
const fail = (message) => problems.push(message)

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path)
    else yield path
  }
}

if (!existsSync(dist)) {
  console.error('check-dist: dist/ does not exist; run `npm run build` first.')
  process.exit(1)
}
const files = [...walk(dist)].map((path) => relative('.', path).split('\\').join('/'))

// 1. Every export target exists.
function targets(value) {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets)
  return []
}
for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
  for (const target of targets(value)) {
    if (!existsSync(target)) fail(`exports["${subpath}"] -> ${target} does not exist`)
  }
}

// 2. JS imports: relative chunks, peers, vitest, node: builtins; never CSS.
const allowed = new Set([...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys(pkg.dependencies ?? {})])
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)(['"])([^'"]+)\1/g
for (const file of files.filter((f) => /\.m?js$/.test(f))) {
  const code = readFileSync(file, 'utf8')
  for (const [, , specifier] of code.matchAll(IMPORT)) {
    if (/\.(css|scss|sass|less|styl|pcss)(\?|$)/.test(specifier)) fail(`${file} imports CSS (${specifier}); CSS is opt-in via style.css`)
    else if (specifier.startsWith('./') || specifier.startsWith('../')) {
      if (!existsSync(join(file, '..', specifier))) fail(`${file} imports missing ${specifier}`)
    } else if (!specifier.startsWith('node:') && !allowed.has(packageName(specifier))) {
      fail(`${file} imports ${specifier}, which is not a peer or dependency`)
    }
  }
}
for (const file of files.filter((f) => f.endsWith('.js.map'))) {
  const { sources = [] } = JSON.parse(readFileSync(file, 'utf8'))
  const bundled = sources.filter((source) => source.includes('node_modules'))
  if (bundled.length > 0) fail(`${file} bundles code from node_modules: ${bundled.slice(0, 3).join(', ')}`)
  const outside = sources.filter((source) => !/(^|\/)src\//.test(source))
  if (outside.length > 0) fail(`${file} bundles code from outside src/: ${outside.slice(0, 3).join(', ')}`)
}

// 3. One stylesheet.
for (const file of files.filter((f) => f.endsWith('.css') && f !== 'dist/style.css')) {
  fail(`${file}: CSS reached the JS build (an SFC <style> block or a CSS import?); put styles in src/styles/ instead`)
}

// 4. Declarations: src only, extension-ful relative specifiers.
const declarations = files.filter((f) => f.endsWith('.d.ts'))
if (declarations.length === 0) fail('no declarations in dist/types')
for (const file of declarations) {
  if (!file.startsWith('dist/types/')) fail(`${file}: declaration outside dist/types`)
  if (/^dist\/types\/(test|tests|stories|playground|bench)\//.test(file) || /\.(test|test-d|spec|stories)\.d\.ts$/.test(file)) {
    fail(`${file}: declaration of a test, story or playground file`)
  }
  const code = readFileSync(file, 'utf8')
  for (const [, , specifier] of code.matchAll(IMPORT)) {
    if (/^\.{1,2}(\/|$)/.test(specifier) && !/\.m?js$/.test(specifier)) fail(`${file}: relative specifier without extension: ${specifier}`)
  }
}

if (problems.length > 0) {
  console.error(`check-dist: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`check-dist: ${files.length} files in dist/ look right`)
