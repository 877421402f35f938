/**
 * Fast list queries over the mock backend's raw state: a per-parent sorted index, kept until the state changes.
 *
 * What is cached does not depend on the clock: which rows belong to a parent, their order (newest first: `created`
 * descending, then id ascending) and per-row columns derived from the records (lower-cased search text, status
 * inputs). Status itself is derived from the clock at query time, and views are built from the live (raw) records,
 * so the store stays the source of truth.
 */

/** Sort order of every list: newest first (`created` descending), then id ascending. */
export function newestFirst<R>(created: (row: R) => number, id: (row: R) => string): (a: R, b: R) => number {
  return (a, b) => {
    const ia = id(a)
    const ib = id(b)
    return created(b) - created(a) || (ia < ib ? -1 : ia > ib ? 1 : 0)
  }
}

/**
 * The rows of one parent, sorted, with columns derived from them on first use and kept with the rows (lower-cased
 * search text, status inputs): a query scans these compact arrays and reads records only for the page it returns.
 */
export class SortedRows<R> {
  readonly rows: R[]
  private readonly columns = new Map<string, unknown>()

  constructor(rows: R[]) {
    this.rows = rows
  }

  /** The column `name`, computed from the rows by `compute` the first time. */
  column<T>(name: string, compute: (rows: readonly R[]) => T): T {
    if (!this.columns.has(name)) this.columns.set(name, compute(this.rows))
    return this.columns.get(name) as T
  }
}

/** Per row, `text(row)` lower-cased. */
export function lowerCased<R>(rows: readonly R[], text: (row: R) => string): string[] {
  const out = new Array<string>(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = text(rows[i] as R).toLowerCase()
  return out
}

/** A value computed from the state, kept while `fingerprint` is unchanged. */
export class Memo<T> {
  private key: readonly unknown[] = []
  private value: T | undefined

  get(fingerprint: readonly unknown[], compute: () => T): T {
    if (this.value === undefined || !sameKey(this.key, fingerprint)) {
      this.value = compute()
      this.key = fingerprint
    }
    return this.value
  }
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false
  return true
}

/**
 * Per-parent sorted indexes over one array of the state, valid while `fingerprint` is unchanged (the array itself,
 * its length, and a version bumped on every change made through the store).
 */
export class ParentIndex<R> {
  private readonly byParent = new Memo<Map<string, SortedRows<R>>>()

  constructor(
    private readonly parentOf: (row: R) => string,
    private readonly order: (a: R, b: R) => number,
  ) {}

  /** The sorted rows of `parent` in `source`; `fingerprint` must change whenever `source` may have. */
  get(source: readonly R[], parent: string, fingerprint: readonly unknown[]): SortedRows<R> {
    const byParent = this.byParent.get(fingerprint, () => new Map())
    let index = byParent.get(parent)
    if (!index) {
      const own: R[] = []
      for (const row of source) if (this.parentOf(row) === parent) own.push(row)
      own.sort(this.order)
      index = new SortedRows(own)
      byParent.set(parent, index)
    }
    return index
  }
}

/**
 * One page of `index`: the rows whose position `accept`s (all when `null`), counted, keeping only those in
 * [`start`, `end`) of the accepted ones. Same result as filtering every row and slicing.
 */
export function pageOf<R>(index: SortedRows<R>, accept: ((i: number) => boolean) | null, start: number, end: number): { rows: R[]; total: number } {
  const { rows } = index
  if (accept === null) return { rows: rows.slice(start, end), total: rows.length }
  const page: R[] = []
  let total = 0
  for (let i = 0; i < rows.length; i++) {
    if (!accept(i)) continue
    if (total >= start && total < end) page.push(rows[i] as R)
    total++
  }
  return { rows: page, total }
}

/**
 * Ids of `items` (first occurrence of each id wins, like `Array.prototype.find`) whose lower-cased `title`
 * contains `needle` (already lower-cased, not empty).
 */
export function idsWhoseTitleContains<T extends { id: string; title: string }>(items: readonly T[], needle: string): Set<string> {
  const hits = new Set<string>()
  for (const [id, item] of firstById(items)) if (item.title.toLowerCase().includes(needle)) hits.add(id)
  return hits
}

/** A map of id → first item with that id (like `Array.prototype.find` by id). */
export function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>()
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item)
  return map
}
