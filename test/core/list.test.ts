import { describe, expect, it } from 'vitest'
import { pageCount, paginate, resolveListQuery, type ResolvedListQuery } from '../../src/core/list'
import { DEFAULT_RECORDS, type ListQuery } from '../../src/core/types'

describe('resolveListQuery', () => {
  it.each<[string, ListQuery | undefined, ResolvedListQuery]>([
    ['no query', undefined, { search: '', filter: '', page: 1, records: DEFAULT_RECORDS }],
    ['an empty query', {}, { search: '', filter: '', page: 1, records: 25 }],
    ['search and filter trimmed', { search: '  acme ', filter: ' pending ' }, { search: 'acme', filter: 'pending', page: 1, records: 25 }],
    ['blank search', { search: '   ' }, { search: '', filter: '', page: 1, records: 25 }],
    ['page and records kept', { page: 3, records: 10 }, { search: '', filter: '', page: 3, records: 10 }],
    ['does not validate', { page: 0, records: 1000 }, { search: '', filter: '', page: 0, records: 1000 }],
  ])('%s', (_name, query, expected) => {
    expect(resolveListQuery(query)).toEqual(expected)
  })
})

describe('pageCount', () => {
  it.each<[number, number, number]>([
    [0, 25, 0],
    [1, 25, 1],
    [25, 25, 1],
    [26, 25, 2],
    [50, 25, 2],
    [51, 25, 3],
    [100, 100, 1],
    [101, 100, 2],
    [7, 1, 7],
  ])('%d rows at %d per page -> %d pages', (total, records, pages) => {
    expect(pageCount(total, records)).toBe(pages)
  })
})

describe('paginate', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
  const query = (page: number, records: number, search = '', filter = ''): ResolvedListQuery => ({ page, records, search, filter })

  it.each<[string, number, ResolvedListQuery, number[], number]>([
    ['0 rows', 0, query(1, 25), [], 0],
    ['0 rows, page 2', 0, query(2, 25), [], 0],
    ['first page', 30, query(1, 25), rows(25), 2],
    ['last partial page', 30, query(2, 25), [26, 27, 28, 29, 30], 2],
    ['page past the end', 30, query(3, 25), [], 2],
    ['far past the end', 30, query(99, 25), [], 2],
    ['exact multiple, last page full', 50, query(2, 25), rows(50).slice(25), 2],
    ['exact multiple, next page empty', 50, query(3, 25), [], 2],
    ['one row per page', 3, query(2, 1), [2], 3],
    ['everything on one page', 100, query(1, 100), rows(100), 1],
  ])('%s', (_name, total, q, list, pages) => {
    const result = paginate(rows(total), q, ['pending', 'expired'])
    expect(result).toEqual({ list, total, search: q.search, filter: q.filter, filters: ['pending', 'expired'], pages })
  })

  it('echoes search and filter and copies the filters', () => {
    const filters = ['pending']
    const result = paginate(['a'], query(1, 25, 'acme', 'pending'), filters)
    expect(result).toMatchObject({ search: 'acme', filter: 'pending', filters: ['pending'] })
    expect(result.filters).not.toBe(filters)
  })

  it('does not mutate its input', () => {
    const input = Object.freeze(rows(5))
    expect(() => paginate(input, query(1, 2), [])).not.toThrow()
    expect(input).toEqual(rows(5))
  })
})
