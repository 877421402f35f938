/**
 * Internal to the conformance suite (not re-exported from `./index`): walking a paged list to its end.
 */

/** Every row of a paged list, fetching page 1, 2, … with `fetchPage` until the last page the list reports. */
export async function allPages<T>(fetchPage: (page: number) => Promise<{ list: readonly T[]; pages: number }>): Promise<T[]> {
  const rows: T[] = []
  for (let page = 1; ; page++) {
    const list = await fetchPage(page)
    rows.push(...list.list)
    if (page >= list.pages) return rows
  }
}
