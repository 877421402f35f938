import type { ListQuery, RecordList } from './types'
import { DEFAULT_RECORDS } from './types'

/** A list query with every field filled in with its default. */
export interface ResolvedListQuery {
  /** Trimmed search, `''` for none. */
  search: string
  /** Filter, `''` for none. */
  filter: string
  /** 1-based page. */
  page: number
  /** Rows per page. */
  records: number
}

/** Fills a list query's defaults (search and filter trimmed, page 1, 25 records). Does not validate. */
export function resolveListQuery(query: ListQuery = {}): ResolvedListQuery {
  return {
    search: (query.search ?? '').trim(),
    filter: (query.filter ?? '').trim(),
    page: query.page ?? 1,
    records: query.records ?? DEFAULT_RECORDS,
  }
}

/** Number of pages for `total` rows at `records` per page (0 when empty). */
export function pageCount(total: number, records: number): number {
  return total === 0 ? 0 : Math.ceil(total / records)
}

/** Slices already-filtered rows into one record-list page. */
export function paginate<T>(rows: readonly T[], query: ResolvedListQuery, filters: readonly string[]): RecordList<T> {
  const { page, records } = query
  return {
    list: rows.slice((page - 1) * records, page * records),
    total: rows.length,
    search: query.search,
    filter: query.filter,
    filters: [...filters],
    pages: pageCount(rows.length, records),
  }
}
