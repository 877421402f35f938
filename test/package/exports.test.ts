import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ENTRY_SOURCES, PUBLIC_API, documentedInReadme, type PublicEntry } from './public-api'

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const entries = Object.keys(PUBLIC_API) as PublicEntry[]

/** The runtime exports of an entry, imported from source. */
const loaders: Record<PublicEntry, () => Promise<Record<string, unknown>>> = {
  '.': () => import('../../src/index'),
  './mock': () => import('../../src/adapters/mock/index'),
  './rest': () => import('../../src/adapters/rest/index'),
  './testing': () => import('../../src/testing/index'),
  './server': () => import('../../src/server/index'),
}

const pkg = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as { exports: Record<string, unknown> }

describe('public API', () => {
  it('lists exactly the JavaScript entries of package.json exports', () => {
    const jsEntries = Object.keys(pkg.exports).filter((subpath) => !/\.(css|json)$/.test(subpath))
    expect(entries.sort()).toEqual(jsEntries.sort())
  })

  it.each(entries)('%s: documented runtime names are exported by its source', async (entry) => {
    const module = await loaders[entry]()
    const missing = PUBLIC_API[entry].runtime.filter((name) => !(name in module) || module[name] === undefined)
    expect(missing, `${ENTRY_SOURCES[entry]} does not export documented names`).toEqual([])
  })

  it.each(entries)('%s: no name is listed twice or as both runtime and type', (entry) => {
    const names = [...PUBLIC_API[entry].runtime, ...PUBLIC_API[entry].types]
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
  })

  it.each(entries)('%s: documented type-only names are not runtime values', async (entry) => {
    // A type listed under `types` that is really a value belongs under `runtime`, where it is tested.
    const module = await loaders[entry]()
    expect(PUBLIC_API[entry].types.filter((name) => name in module)).toEqual([])
  })
})

describe('README API reference', () => {
  const readme = (() => {
    try {
      return readFileSync(repo('README.md'), 'utf8')
    } catch {
      return ''
    }
  })()
  const documented = documentedInReadme(readme)
  const listed = new Map<string, PublicEntry>()
  for (const entry of entries) for (const name of [...PUBLIC_API[entry].runtime, ...PUBLIC_API[entry].types]) listed.set(name, entry)

  it('parses the marked section only', () => {
    const sample = 'Intro `notApi`\n<!-- api:start -->\n`alpha`, `beta.gamma`, `vue-account-networks/mock`, `delta`\n```ts\nconst x = 1\n```\n<!-- api:end -->\n`after`'
    expect(documentedInReadme(sample)).toEqual(['alpha', 'delta'])
    expect(documentedInReadme('no markers `here`')).toEqual([])
    expect(() => documentedInReadme('<!-- api:start --> `open`')).toThrow(/api:end/)
  })

  it.each(documented)('`%s` is in the public API list', (name) => {
    expect(listed.has(name), `README documents \`${name}\`, which test/package/public-api.ts does not list`).toBe(true)
  })

  it.each(documented.filter((name) => listed.has(name)))('`%s` is exported by its entry', async (name) => {
    const entry = listed.get(name) as PublicEntry
    if ((PUBLIC_API[entry].runtime as readonly string[]).includes(name)) {
      const module = await loaders[entry]()
      expect(module[name], `${ENTRY_SOURCES[entry]} does not export ${name}`).toBeDefined()
    } else {
      // Type-only: compiled by exports.test-d.ts.
      expect(PUBLIC_API[entry].types as readonly string[]).toContain(name)
    }
  })
})
