import { describe, expect, it } from 'vitest'
import { checkAccess, type AccessMap } from '../../src/core/access'

const demo: AccessMap = {
  'account-networks': 'cr',
  'account-network': 'crud',
  'account-network-invitations': 'cru',
  reports: '',
}

describe('checkAccess', () => {
  it.each<[string, string, AccessMap | null | undefined, boolean]>([
    // wildcard
    ['* matches any session', '*', demo, true],
    ['* matches even without an access map', '*', null, true],
    ['* matches an empty map', '*', {}, true],
    // bare feature and feature:*
    ['bare feature present', 'account-networks', demo, true],
    ['bare feature with empty letters still present', 'reports', demo, true],
    ['feature:* present', 'account-networks:*', demo, true],
    ['feature: (no letters) means any access', 'account-networks:', demo, true],
    ['bare feature missing', 'billing', demo, false],
    ['feature:* missing', 'billing:*', demo, false],
    // letters
    ['one granted letter', 'account-networks:c', demo, true],
    ['one letter not granted', 'account-networks:d', demo, false],
    ['any of several letters matches', 'account-networks:xdr', demo, true],
    ['none of several letters', 'account-networks:ud', demo, false],
    ['letters against an empty grant', 'reports:r', demo, false],
    ['letters are case-sensitive', 'account-networks:C', demo, false],
    // demo strings
    ['demo account-networks:c', 'account-networks:c', demo, true],
    ['demo account-network:d', 'account-network:d', demo, true],
    ['demo account-network-invitations:d', 'account-network-invitations:d', demo, false],
    ['prefix of a feature is not the feature', 'account-network:d', { 'account-networks': 'crud' }, false],
    ['longer feature name is not the feature', 'account-network-invitations:c', { 'account-network': 'crud' }, false],
    // comma lists
    ['first rule matches', 'account-networks:c,billing:r', demo, true],
    ['last rule matches', 'billing:r,account-network:d', demo, true],
    ['no rule matches', 'billing:r,account-network-invitations:d', demo, false],
    ['* later in a list', 'billing,*', demo, true],
    ['empty items are skipped', ',,account-networks:c,', demo, true],
    // whitespace
    ['spaces around rules', '  billing:r ,  account-networks:c  ', demo, true],
    ['spaces around the colon', 'account-networks : c', demo, true],
    ['spaces around *', ' * ', demo, true],
    // empty and blank
    ['empty check string', '', demo, false],
    ['blank check string', '   ', demo, false],
    ['only commas', ' , , ', demo, false],
    ['a colon alone', ':', demo, false],
    ['letters without a feature', ':c', demo, false],
    // no access map
    ['null map', 'account-networks:c', null, false],
    ['undefined map', 'account-networks', undefined, false],
    ['empty map', 'account-networks', {}, false],
    // prototype keys
    ['constructor is not a feature', 'constructor', {}, false],
    ['constructor:* is not a feature', 'constructor:*', demo, false],
    ['__proto__ is not a feature', '__proto__', {}, false],
    ['toString with letters', 'toString:t', {}, false],
    ['hasOwnProperty', 'hasOwnProperty', demo, false],
    ['an own key named constructor does count', 'constructor:r', { constructor: 'r' }, true],
  ])('%s: checkAccess(%j)', (_name, check, access, expected) => {
    expect(checkAccess(check, access)).toBe(expected)
  })

  it('does not match prototype keys on a map without a prototype either', () => {
    const bare = Object.create(null) as Record<string, string>
    expect(checkAccess('__proto__', bare)).toBe(false)
    expect(checkAccess('constructor', bare)).toBe(false)
  })
})
