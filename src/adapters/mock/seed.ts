/**
 * Deterministic demo data of the mock backend. Everything is derived from the seed and the mock clock's start,
 * never from wall-clock time. Only activation tokens are truly random (they are secrets and never appear
 * in the data the adapter returns).
 */
import type { Country } from '../../core/types'
import { MOCK_IDS } from './ids'
import { createToken } from './random'
import type { MockRandom } from './random'
import { nameFromEmail, titleFromEmail } from './text'
import type { MockAccount, MockDomain, MockInvitationRecord, MockNetworkRecord } from './types'

const DAY = 86400
const HOUR = 3600

/** Full access to every network feature. */
export const FULL_ACCESS = {
  'account-networks': 'crud',
  'account-network': 'crud',
  'account-network-invitations': 'crud',
} as const

/** Read-only access to every network feature (the `corner` account, for demos). */
export const READ_ONLY_ACCESS = {
  'account-networks': 'r',
  'account-network': 'r',
  'account-network-invitations': 'r',
} as const

/** The application version accounts are created on. */
export const MOCK_VERSION_ID = 'ver_2026_01'

/** The domain hierarchy (see `MOCK_IDS`). */
export function seedDomains(): MockDomain[] {
  const d = MOCK_IDS.domains
  return [
    { id: d.platform, parent_id: null, title: 'Platform operator', description: 'Runs the marketplace and onboards distributors and agencies.' },
    { id: d.distributor, parent_id: d.platform, title: 'Wholesale distributor', description: 'Buys from producers and supplies stores and restaurants.' },
    { id: d.retailer, parent_id: d.distributor, title: 'Retail store', description: 'Sells to consumers in a shop or online.' },
    { id: d.restaurant, parent_id: d.distributor, title: 'Restaurant', description: 'Serves food and drink; orders from distributors.' },
    { id: d.agency, parent_id: d.platform, title: 'Government agency', description: 'A public body that buys on behalf of its departments.' },
    { id: d.department, parent_id: d.agency, title: 'Municipal department', description: 'A city department ordering under its agency.' },
  ]
}

/** The countries (ISO 3166-1 alpha-2 ids), in display order. */
export function seedCountries(): Country[] {
  return [
    { id: 'US', title: 'United States' },
    { id: 'CA', title: 'Canada' },
    { id: 'GB', title: 'United Kingdom' },
    { id: 'DE', title: 'Germany' },
    { id: 'FR', title: 'France' },
    { id: 'NL', title: 'Netherlands' },
    { id: 'ES', title: 'Spain' },
    { id: 'AU', title: 'Australia' },
    { id: 'JP', title: 'Japan' },
    { id: 'BR', title: 'Brazil' },
  ]
}

/** The five named accounts of `MOCK_IDS`, created relative to `now`. */
export function seedAccounts(now: number): MockAccount[] {
  const a = MOCK_IDS.accounts
  const d = MOCK_IDS.domains
  const account = (id: string, title: string, domain_id: string, country_id: string, days: number, email: string, readOnly = false): MockAccount => ({
    id,
    title,
    domain_id,
    country_id,
    users: [{ id: id.replace(/^acc_/, 'usr_'), email, name: nameFromEmail(email) }],
    access: { ...(readOnly ? READ_ONLY_ACCESS : FULL_ACCESS) },
    created: now - days * DAY,
  })
  return [
    account(a.platform, 'Commons Marketplace', d.platform, 'US', 900, 'olivia.bennett@commons-marketplace.com'),
    account(a.harbor, 'Harbor Foods Distribution', d.distributor, 'US', 700, 'maria.lopez@harborfoods.com'),
    account(a.northwind, 'Northwind Traders', d.distributor, 'CA', 650, 'liam.tremblay@northwind-traders.ca'),
    account(a.civic, 'Riverside County Procurement', d.agency, 'US', 600, 'grace.okafor@riverside-county.gov'),
    account(a.corner, 'Corner Grocery', d.retailer, 'GB', 210, 'sam.patel@corner-grocery.co.uk', true),
  ]
}

const FIRST_NAMES = [
  'Ava', 'Noah', 'Emma', 'Lucas', 'Mia', 'Ethan', 'Sofia', 'Mateo', 'Chloe', 'Leo', 'Hannah', 'Omar', 'Isla', 'Kenji',
  'Priya', 'Diego', 'Nora', 'Felix', 'Zara', 'Hugo', 'Amara', 'Jonas', 'Elena', 'Ravi', 'Lea', 'Tomas', 'Yuki', 'Ines',
]
const LAST_NAMES = [
  'Garcia', 'Smith', 'Nguyen', 'Muller', 'Rossi', 'Kim', 'Silva', 'Dubois', 'Cohen', 'Haddad', 'Jensen', 'Novak',
  'Tanaka', 'Walsh', 'Moreau', 'Costa', 'Fischer', 'Brooks', 'Khan', 'Larsen', 'Ortiz', 'Sato', 'Byrne', 'Vargas',
]
const PLACES = [
  'Bluefin', 'Cedar', 'Golden', 'Maple', 'Silver', 'Riverbend', 'Summit', 'Oakwood', 'Pinecrest', 'Lakeside', 'Copper',
  'Juniper', 'Willow', 'Harvest', 'Sunrise', 'Brightwater', 'Redwood', 'Granite', 'Meadow', 'Coastal', 'Fig', 'Olive',
  'Saffron', 'Ember', 'Hillside', 'Orchard', 'Tidewater', 'Lantern',
]
const KINDS: Record<string, readonly string[]> = {
  [MOCK_IDS.domains.retailer]: ['market', 'grocers', 'pantry', 'provisions', 'general-store', 'foods'],
  [MOCK_IDS.domains.restaurant]: ['bistro', 'kitchen', 'grill', 'trattoria', 'diner', 'eatery'],
  [MOCK_IDS.domains.department]: ['parks', 'water', 'transit', 'libraries', 'housing', 'public-works'],
  [MOCK_IDS.domains.distributor]: ['wholesale', 'supply', 'distribution'],
}
const FEES = [1, 1.5, 2, 2.5, 3, 3.75, 4, 5, 6.25]

/** How many invitations of each status one parent gets, and how many of its networks carry a fee proposal. */
interface SeedPlan {
  parentId: string
  domains: readonly string[]
  pending: number
  expired: number
  active: number
  proposals: number
}

/** The seeded records: the named accounts plus child accounts, invitations and networks. */
export interface SeedData {
  /** Domains with hierarchy. */
  domains: MockDomain[]
  /** Countries. */
  countries: Country[]
  /** Named accounts and, when seeded, child accounts. */
  accounts: MockAccount[]
  /** Invitations (empty with `seed: false`). */
  invitations: MockInvitationRecord[]
  /** Networks (empty with `seed: false`). */
  networks: MockNetworkRecord[]
}

/** Builds the demo data. `random` is the backend's seeded generator; `withRecords: false` skips invitations and networks. */
export function buildSeed(options: { random: MockRandom; now: number; lifetime: number; withRecords: boolean }): SeedData {
  const { random, now, lifetime } = options
  const domains = seedDomains()
  const countries = seedCountries()
  const accounts = seedAccounts(now)
  const data: SeedData = { domains, countries, accounts, invitations: [], networks: [] }
  if (!options.withRecords) return data

  const usedIds = new Set<string>(accounts.flatMap((account) => [account.id, ...account.users.map((user) => user.id)]))
  const usedEmails = new Set<string>(accounts.flatMap((account) => account.users.map((user) => user.email)))
  const newId = (prefix: string, length: number): string => {
    for (;;) {
      const id = `${prefix}_${random.chars(length)}`
      if (!usedIds.has(id)) {
        usedIds.add(id)
        return id
      }
    }
  }
  const byId = (id: string): MockAccount => {
    const account = accounts.find((candidate) => candidate.id === id)
    if (!account) throw new Error(`seed: no account ${id}`)
    return account
  }
  const newEmail = (domainId: string): string => {
    for (;;) {
      const first = random.pick(FIRST_NAMES).toLowerCase()
      const last = random.pick(LAST_NAMES).toLowerCase()
      const company = `${random.pick(PLACES).toLowerCase()}-${random.pick(KINDS[domainId] ?? ['group'])}`
      const tld = domainId === MOCK_IDS.domains.department ? 'gov' : random.pick(['com', 'com', 'co', 'net', 'io'])
      const email = `${first}.${last}@${company}.${tld}`
      if (!usedEmails.has(email)) {
        usedEmails.add(email)
        return email
      }
    }
  }

  /** One invitation record with the given timing; `activated` links a child account. */
  const invite = (parent: MockAccount, domainId: string, email: string, created: number, activated: number | null): MockInvitationRecord => {
    const record: MockInvitationRecord = {
      id: newId('nwi', 12),
      parent_account_id: parent.id,
      created,
      domain_id: domainId,
      email,
      expires: created + lifetime,
      activated,
      token: createToken(),
    }
    if (random.next() < 0.5) record.fee_proposed = random.pick(FEES)
    if (random.next() < 0.3) record.country_id = random.pick(countries).id
    return record
  }
  /** The network (and optionally an existing child account) created by activating `record`. */
  const activate = (parent: MockAccount, record: MockInvitationRecord, existingChild?: MockAccount): MockNetworkRecord => {
    const at = record.activated ?? record.created
    let child = existingChild
    if (!child) {
      child = {
        id: newId('acc', 10),
        title: titleFromEmail(record.email),
        domain_id: record.domain_id,
        country_id: record.country_id ?? parent.country_id,
        users: [{ id: newId('usr', 10), email: record.email, name: nameFromEmail(record.email) }],
        access: { ...FULL_ACCESS },
        created: at,
      }
      accounts.push(child)
    }
    record.child_account_id = child.id
    const network: MockNetworkRecord = {
      parent_account_id: parent.id,
      child_account_id: child.id,
      fee: record.fee_proposed ?? 0,
      created: at,
      invitation_id: record.id,
    }
    data.invitations.push(record)
    data.networks.push(network)
    return network
  }

  // Networks that link the named accounts: the platform's distributors and agency, and harbor's corner store.
  const platform = byId(MOCK_IDS.accounts.platform)
  const harbor = byId(MOCK_IDS.accounts.harbor)
  for (const childId of [MOCK_IDS.accounts.harbor, MOCK_IDS.accounts.northwind, MOCK_IDS.accounts.civic]) {
    const child = byId(childId)
    const record = invite(platform, child.domain_id, child.users[0]?.email ?? newEmail(child.domain_id), child.created - 2 * DAY, child.created)
    activate(platform, record, child)
  }
  const corner = byId(MOCK_IDS.accounts.corner)
  activate(harbor, invite(harbor, corner.domain_id, corner.users[0]?.email ?? newEmail(corner.domain_id), corner.created - DAY, corner.created), corner)

  const plans: SeedPlan[] = [
    { parentId: MOCK_IDS.accounts.harbor, domains: [MOCK_IDS.domains.retailer, MOCK_IDS.domains.restaurant], pending: 12, expired: 9, active: 12, proposals: 4 },
    { parentId: MOCK_IDS.accounts.northwind, domains: [MOCK_IDS.domains.retailer, MOCK_IDS.domains.restaurant], pending: 3, expired: 1, active: 3, proposals: 1 },
    { parentId: MOCK_IDS.accounts.civic, domains: [MOCK_IDS.domains.department], pending: 2, expired: 1, active: 2, proposals: 0 },
    { parentId: MOCK_IDS.accounts.platform, domains: [MOCK_IDS.domains.distributor, MOCK_IDS.domains.agency], pending: 1, expired: 1, active: 0, proposals: 0 },
  ]
  for (const plan of plans) {
    const parent = byId(plan.parentId)
    const parentUser = parent.users[0]
    for (let i = 0; i < plan.pending; i++) {
      const domainId = random.pick(plan.domains)
      const created = now - random.int(5 * 60, lifetime - HOUR)
      data.invitations.push(invite(parent, domainId, newEmail(domainId), created, null))
    }
    for (let i = 0; i < plan.expired; i++) {
      const domainId = random.pick(plan.domains)
      const created = now - lifetime - random.int(HOUR, 90 * DAY)
      data.invitations.push(invite(parent, domainId, newEmail(domainId), created, null))
    }
    const networks: MockNetworkRecord[] = []
    for (let i = 0; i < plan.active; i++) {
      const domainId = random.pick(plan.domains)
      const created = now - random.int(10 * DAY, 400 * DAY)
      const record = invite(parent, domainId, newEmail(domainId), created, created + random.int(10 * 60, lifetime - HOUR))
      networks.push(activate(parent, record))
    }
    for (let i = 0; i < plan.proposals && i < networks.length; i++) {
      const network = networks[i]
      if (!network) continue
      const byChild = i === plan.proposals - 1 && plan.proposals > 1
      const proposer = byChild ? byId(network.child_account_id) : parent
      network.fee_proposed = random.pick(FEES.filter((fee) => fee !== network.fee))
      network.proposed_date = Math.min(now - HOUR, network.created + random.int(DAY, 9 * DAY))
      network.proposed_account_id = proposer.id
      network.proposed_user_id = (byChild ? proposer.users[0] : parentUser)?.id ?? ''
    }
  }
  return data
}
