#!/usr/bin/env node
/**
 * Adds explicit extensions to relative specifiers in emitted declarations, so they resolve under
 * `moduleResolution: node16/nodenext` as well as `bundler` (vue-tsc keeps the sources' extensionless
 * `./core` specifiers, which Node-style ESM resolution rejects).
 *
 *   ./core          -> ./core/index.js   (when core/index.d.ts exists)
 *   ./errors        -> ./errors.js       (when errors.d.ts exists)
 *   ./Form.vue      -> ./Form.vue.js     (vue-tsc emits Form.vue.d.ts)
 *
 * Fails on a relative specifier that resolves to no declaration file.
 * Usage: node scripts/fix-dts-imports.mjs [dir=dist/types]
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(process.argv[2] ?? 'dist/types')
if (!existsSync(root)) {
  console.error(`fix-dts-imports: ${relative(process.cwd(), root)} does not exist; run vue-tsc first.`)
  process.exit(1)
}

/** `from '…'`, `import '…'`, `import('…')`, `require('…')` with a relative specifier. */
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])(\.{1,2}\/[^'"]*|\.{1,2})\2/g

function* declarations(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* declarations(path)
    else if (name.endsWith('.d.ts')) yield path
  }
}

/** The specifier with an extension, or `undefined` when nothing it could mean exists. */
function withExtension(file, specifier) {
  const target = resolve(dirname(file), specifier)
  if (/\.(js|mjs)$/.test(specifier) && existsSync(target.replace(/\.(m?)js$/, '.d.$1ts'))) return specifier
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`
  return undefined
}

const unresolved = []
let rewritten = 0
for (const file of declarations(root)) {
  const source = readFileSync(file, 'utf8')
  const output = source.replace(SPECIFIER, (match, lead, quote, specifier) => {
    const fixed = withExtension(file, specifier)
    if (fixed === undefined) {
      unresolved.push(`${relative(process.cwd(), file)}: ${specifier}`)
      return match
    }
    if (fixed !== specifier) rewritten++
    return `${lead}${quote}${fixed}${quote}`
  })
  if (output !== source) writeFileSync(file, output)
}

if (unresolved.length > 0) {
  console.error(`fix-dts-imports: relative specifiers with no declaration file:\n  ${unresolved.join('\n  ')}`)
  process.exit(1)
}
console.log(`fix-dts-imports: ${rewritten} specifier(s) rewritten in ${relative(process.cwd(), root) || '.'}`)
