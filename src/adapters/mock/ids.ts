/**
 * Stable ids of the mock backend's seed data, for demos and tests.
 *
 * Domain hierarchy (children are the parent's subordinate domains):
 * - `platform` (Platform operator)
 *   - `distributor` (Wholesale distributor)
 *     - `retailer` (Retail store)
 *     - `restaurant` (Restaurant)
 *   - `agency` (Government agency)
 *     - `department` (Municipal department)
 */
export const MOCK_IDS = {
  domains: {
    platform: 'dom_platform',
    distributor: 'dom_distributor',
    retailer: 'dom_retailer',
    restaurant: 'dom_restaurant',
    agency: 'dom_agency',
    department: 'dom_department',
  },
  accounts: {
    /** A wholesale distributor with 30+ invitations and 10+ networks; signed in by default. */
    harbor: 'acc_harbor',
    /** Another distributor, with its own invitations and networks. */
    northwind: 'acc_northwind',
    /** A government agency that can invite municipal departments. */
    civic: 'acc_civic',
    /** The platform operator that can invite distributors and agencies. */
    platform: 'acc_platform',
    /** A retail store with no subordinate domains (cannot invite anyone). */
    corner: 'acc_corner',
  },
} as const
