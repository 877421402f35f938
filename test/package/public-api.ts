/**
 * The documented public API, per package entry: the single source of truth for what the package promises.
 *
 * - `runtime`: values (functions, classes, constants, schemas). `exports.test.ts` imports each entry from
 *   source and fails when one is missing. Adding a name here is all it takes.
 * - `types`: type-only exports. `exports.test-d.ts` refers to each one (vitest typecheck), so a missing type
 *   fails to compile; it also fails until a name added here is added to its map there.
 * - README.md: every backticked identifier between `<!-- api:start -->` and `<!-- api:end -->` must be listed
 *   here (and so be exported).
 */
export const PUBLIC_API = {
  '.': {
    runtime: [
      // errors
      'NetworkApiError',
      'isNetworkApiError',
      'toNetworkApiError',
      // access and the adapter contract
      'checkAccess',
      'adapterSupports',
      'NETWORKS_OPERATIONS',
      // domain constants
      'INVITATION_STATUSES',
      'DEFAULT_RECORDS',
      'MAX_RECORDS',
      'MAX_EMAIL_LENGTH',
      // list helpers
      'resolveListQuery',
      'pageCount',
      'paginate',
      // schemas and their helpers
      'emailSchema',
      'feeSchema',
      'idSchema',
      'domainIdSchema',
      'activationTokenSchema',
      'createInvitationInputSchema',
      'updateInvitationInputSchema',
      'updateNetworkInputSchema',
      'listQuerySchema',
      'networkInvitationSchema',
      'networkSchema',
      'networkDomainSchema',
      'networkDomainCollectionSchema',
      'countrySchema',
      'activationResultSchema',
      'deleteNetworkResultSchema',
      'recordListSchema',
      'backstackErrorBodySchema',
      'fieldErrors',
      'describeIssue',
      'hasAtMostTwoDecimals',
      'normalizeEmail',
      'sameEmail',
      // formatting
      'createFormatters',
      // Vue layer (documented in README)
      'createAccountNetworks',
      'useNetworks',
      'networkQueryKeys',
      'resolveMessages',
      'defaultMessages',
      'useNetworkDomains',
      'useCountries',
      'describeError',
      'createAccountNetworksContext',
      'useAccountNetworksContext',
      'accountNetworksKey',
      'MISSING_ADAPTER_MESSAGE',
      'resolveAccessPolicy',
      'DEFAULT_ACCESS_RULES',
      // components
      'NetworkInvitationForm',
      'NetworkInvitationsTable',
      'NetworksTable',
      'NetworkActivation',
      // headless composables
      'useInvitationForm',
      'useCreateInvitation',
      'useUpdateInvitation',
      'zodTypedSchema',
      'useRecordList',
      'useInvitationsList',
      'useNetworksList',
      'useDeleteInvitation',
      'useDeleteNetwork',
      'useProposeFee',
      'useFeeProposalForm',
      'useNetworkDetails',
      'useActivation',
      'readActivationToken',
      'removeTokenFromUrl',
      'PAGE_SIZES',
    ],
    types: [
      'AccessMap',
      'NetworkApiErrorType',
      'NetworkApiErrorReason',
      'NetworkApiErrorInit',
      'NetworksAdapter',
      'NetworksOperation',
      'OptionalNetworksOperation',
      'InvitationStatus',
      'NetworkInvitation',
      'Network',
      'NetworkDomain',
      'Country',
      'ActivationResult',
      'DeleteNetworkResult',
      'RecordList',
      'ListQuery',
      'CreateInvitationInput',
      'UpdateInvitationInput',
      'UpdateNetworkInput',
      'ResolvedListQuery',
      'NetworkFormatters',
      'AccountNetworksOptions',
      'AccessPolicy',
      'NetworkAction',
      'NetworkMessages',
      'NetworkMessagesOverride',
      'NetworkInvitationFormProps',
      'NetworkInvitationFormEmits',
      'NetworkInvitationFormSlots',
      'NetworkInvitationsTableProps',
      'NetworkInvitationsTableEmits',
      'NetworkInvitationsTableSlots',
      'NetworksTableProps',
      'NetworksTableEmits',
      'NetworksTableSlots',
      'NetworkActivationProps',
      'NetworkActivationEmits',
      'NetworkActivationSlots',
      'UseInvitationFormOptions',
      'UseInvitationFormReturn',
      'UseRecordListOptions',
      'UseRecordListReturn',
      'UseActivationOptions',
      'UseActivationReturn',
      'ActivationState',
    ],
  },
  './mock': {
    runtime: ['MOCK_IDS', 'createMockBackend', 'createMockAdapter'],
    types: ['MockBackend', 'MockBackendOptions', 'MockAdapter', 'MockAdapterOptions'],
  },
  './rest': {
    runtime: ['createRestAdapter', 'BACKSTACK_ROUTES', 'BACKSTACK_V1_ROUTES', 'REST_ROUTE_PRESETS', 'newIdempotencyKey'],
    types: ['RestAdapter', 'RestAdapterOptions', 'RestRoute', 'RestRoutes', 'RestRouteOverrides', 'RestRoutePreset'],
  },
  './server': {
    runtime: ['createReferenceServer', 'referenceApiPlugin'],
    types: ['ReferenceServer', 'ReferenceServerOptions', 'ReferenceApiPluginOptions'],
  },
  './testing': {
    runtime: ['describeAdapterConformance', 'createMockConformanceSubject', 'extractToken', 'assertNoSecret', 'assertRecordList', 'ConformanceError'],
    types: ['ConformanceSubject', 'ConformanceControl', 'ConformanceFixtures', 'ConformanceEmail', 'ConformanceOptions'],
  },
} as const satisfies Record<string, { runtime: readonly string[]; types: readonly string[] }>

/** A package entry, as in package.json `exports`. */
export type PublicEntry = keyof typeof PUBLIC_API

/** The type-only names documented for `entry`. */
export type DocumentedTypes<E extends PublicEntry> = (typeof PUBLIC_API)[E]['types'][number]

/** Each entry's source module, as the build's entries (vite.config.ts) map them. */
export const ENTRY_SOURCES: Record<PublicEntry, string> = {
  '.': 'src/index.ts',
  './mock': 'src/adapters/mock/index.ts',
  './rest': 'src/adapters/rest/index.ts',
  './testing': 'src/testing/index.ts',
  './server': 'src/server/index.ts',
}

/** Backticked identifiers between `<!-- api:start -->` and `<!-- api:end -->` (none without the markers). */
export function documentedInReadme(readme: string): string[] {
  const start = readme.indexOf('<!-- api:start -->')
  if (start === -1) return []
  const end = readme.indexOf('<!-- api:end -->', start)
  if (end === -1) throw new Error('README.md has <!-- api:start --> without <!-- api:end -->')
  const names = new Set<string>()
  for (const [, span] of readme.slice(start, end).matchAll(/`([^`\n]+)`/g)) {
    if (span !== undefined && /^[A-Za-z_$][\w$]*$/.test(span)) names.add(span)
  }
  return [...names]
}
