/**
 * Type-only exports of each entry, checked at compile time (vitest typecheck). Every name listed under
 * `types` in public-api.ts needs a line in its entry's map: a name missing from a map, or a map key that
 * the entry does not export, is a type error.
 */
import { describe, expectTypeOf, it } from 'vitest'
import type * as Mock from '../../src/adapters/mock/index'
import type * as Rest from '../../src/adapters/rest/index'
import type * as Root from '../../src/index'
import type * as Testing from '../../src/testing/index'
import type * as Server from '../../src/server/index'
import type { DocumentedTypes, PublicEntry } from './public-api'

/** Every documented type name of the entry maps to the exported type, and nothing else is in the map. */
type Exactly<E extends PublicEntry, Map> = [keyof Map] extends [DocumentedTypes<E>]
  ? [DocumentedTypes<E>] extends [keyof Map]
    ? Map
    : { missing: Exclude<DocumentedTypes<E>, keyof Map> }
  : { notDocumented: Exclude<keyof Map, DocumentedTypes<E>> }

interface RootTypes {
  AccessMap: Root.AccessMap
  NetworkApiErrorType: Root.NetworkApiErrorType
  NetworkApiErrorReason: Root.NetworkApiErrorReason
  NetworkApiErrorInit: Root.NetworkApiErrorInit
  NetworksAdapter: Root.NetworksAdapter
  NetworksOperation: Root.NetworksOperation
  OptionalNetworksOperation: Root.OptionalNetworksOperation
  InvitationStatus: Root.InvitationStatus
  NetworkInvitation: Root.NetworkInvitation
  Network: Root.Network
  NetworkDomain: Root.NetworkDomain
  Country: Root.Country
  ActivationResult: Root.ActivationResult
  DeleteNetworkResult: Root.DeleteNetworkResult
  RecordList: Root.RecordList<unknown>
  ListQuery: Root.ListQuery
  CreateInvitationInput: Root.CreateInvitationInput
  UpdateInvitationInput: Root.UpdateInvitationInput
  UpdateNetworkInput: Root.UpdateNetworkInput
  ResolvedListQuery: Root.ResolvedListQuery
  AccountNetworksOptions: Root.AccountNetworksOptions
  AccessPolicy: Root.AccessPolicy
  NetworkAction: Root.NetworkAction
  NetworkMessages: Root.NetworkMessages
  NetworkMessagesOverride: Root.NetworkMessagesOverride
  NetworkInvitationFormProps: Root.NetworkInvitationFormProps
  NetworkInvitationFormEmits: Root.NetworkInvitationFormEmits
  NetworkInvitationFormSlots: Root.NetworkInvitationFormSlots
  NetworkInvitationsTableProps: Root.NetworkInvitationsTableProps
  NetworkInvitationsTableEmits: Root.NetworkInvitationsTableEmits
  NetworkInvitationsTableSlots: Root.NetworkInvitationsTableSlots
  NetworksTableProps: Root.NetworksTableProps
  NetworksTableEmits: Root.NetworksTableEmits
  NetworksTableSlots: Root.NetworksTableSlots
  NetworkActivationProps: Root.NetworkActivationProps
  NetworkActivationEmits: Root.NetworkActivationEmits
  NetworkActivationSlots: Root.NetworkActivationSlots
  UseInvitationFormOptions: Root.UseInvitationFormOptions
  UseInvitationFormReturn: Root.UseInvitationFormReturn
  UseRecordListOptions: Root.UseRecordListOptions<unknown>
  UseActivationOptions: Root.UseActivationOptions
  UseActivationReturn: Root.UseActivationReturn
  ActivationState: Root.ActivationState
  UseRecordListReturn: Root.UseRecordListReturn<unknown>
  NetworkFormatters: Root.NetworkFormatters
}

interface MockTypes {
  MockBackend: Mock.MockBackend
  MockBackendOptions: Mock.MockBackendOptions
  MockAdapter: Mock.MockAdapter
  MockAdapterOptions: Mock.MockAdapterOptions
}

interface RestTypes {
  RestAdapter: Rest.RestAdapter
  RestAdapterOptions: Rest.RestAdapterOptions
  RestRoute: Rest.RestRoute
  RestRoutes: Rest.RestRoutes
  RestRouteOverrides: Rest.RestRouteOverrides
  RestRoutePreset: Rest.RestRoutePreset
}

interface ServerTypes {
  ReferenceServer: Server.ReferenceServer
  ReferenceServerOptions: Server.ReferenceServerOptions
  ReferenceApiPluginOptions: Server.ReferenceApiPluginOptions
}

interface TestingTypes {
  ConformanceSubject: Testing.ConformanceSubject
  ConformanceControl: Testing.ConformanceControl
  ConformanceFixtures: Testing.ConformanceFixtures
  ConformanceEmail: Testing.ConformanceEmail
  ConformanceOptions: Testing.ConformanceOptions
}

describe('documented type-only exports', () => {
  it('.', () => {
    expectTypeOf<Exactly<'.', RootTypes>>().toEqualTypeOf<RootTypes>()
  })
  it('./mock', () => {
    expectTypeOf<Exactly<'./mock', MockTypes>>().toEqualTypeOf<MockTypes>()
  })
  it('./rest', () => {
    expectTypeOf<Exactly<'./rest', RestTypes>>().toEqualTypeOf<RestTypes>()
  })
  it('./server', () => {
    expectTypeOf<Exactly<'./server', ServerTypes>>().toEqualTypeOf<ServerTypes>()
  })
  it('./testing', () => {
    expectTypeOf<Exactly<'./testing', TestingTypes>>().toEqualTypeOf<TestingTypes>()
  })
})
