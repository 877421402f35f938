/**
 * Backstack-style access checks. A session carries an access map such as `{ "account-networks": "crud" }`.
 * A check string is one or more comma-separated rules, any of which may match:
 * - `*`: everyone;
 * - `feature` or `feature:*`: any access to the feature;
 * - `feature:letters`: the feature's access contains any of the letters (e.g. `account-network:d`).
 */

/** The session's access: feature -> letters it grants (e.g. `crud`). */
export type AccessMap = Readonly<Record<string, string>>

/** True when `access` satisfies `check` (empty or blank check strings never match). */
export function checkAccess(check: string, access: AccessMap | null | undefined): boolean {
  const map = access ?? {}
  for (const raw of check.split(',')) {
    const rule = raw.trim()
    if (rule === '') continue
    if (rule === '*') return true
    const colon = rule.indexOf(':')
    const feature = (colon === -1 ? rule : rule.slice(0, colon)).trim()
    const letters = colon === -1 ? '*' : rule.slice(colon + 1).trim()
    if (feature === '' || !Object.hasOwn(map, feature)) continue
    const granted = map[feature] ?? ''
    if (letters === '*' || letters === '') return true
    for (const letter of letters) if (granted.includes(letter)) return true
  }
  return false
}
