import { describe, expectTypeOf, it } from 'vitest'
import type * as z from 'zod/mini'
import { adapterSupports, type NetworksAdapter } from '../../src/core/adapter'
import { NetworkApiError, type NetworkApiErrorInit, type NetworkApiErrorReason, type NetworkApiErrorType } from '../../src/core/errors'
import type {
  activationResultSchema,
  activationTokenSchema,
  countrySchema,
  createInvitationInputSchema,
  deleteNetworkResultSchema,
  emailSchema,
  feeSchema,
  listQuerySchema,
  networkDomainCollectionSchema,
  networkDomainSchema,
  networkInvitationSchema,
  networkSchema,
  recordListSchema,
  updateInvitationInputSchema,
  updateNetworkInputSchema,
} from '../../src/core/schemas'
import type {
  ActivationResult,
  Country,
  CreateInvitationInput,
  DeleteNetworkResult,
  ListQuery,
  Network,
  NetworkDomain,
  NetworkInvitation,
  RecordList,
  UpdateInvitationInput,
  UpdateNetworkInput,
} from '../../src/core/types'

declare const adapter: NetworksAdapter

describe('adapterSupports', () => {
  it('leaves optional methods possibly undefined before narrowing', () => {
    expectTypeOf(adapter.deleteNetwork).toEqualTypeOf<NetworksAdapter['deleteNetwork']>()
    expectTypeOf<undefined>().toExtend<NetworksAdapter['deleteNetwork']>()
    expectTypeOf<undefined>().toExtend<NetworksAdapter['listCountries']>()
  })

  it('narrows so the optional method is callable', () => {
    if (adapterSupports(adapter, 'deleteNetwork')) {
      expectTypeOf(adapter.deleteNetwork).toBeFunction()
      expectTypeOf(adapter.deleteNetwork).parameters.toEqualTypeOf<[childAccountId: string]>()
      expectTypeOf(adapter.deleteNetwork('acc_1')).resolves.toEqualTypeOf<DeleteNetworkResult>()
      // Only the checked operation is narrowed.
      expectTypeOf<undefined>().toExtend<typeof adapter.updateNetwork>()
    }
    if (adapterSupports(adapter, 'listCountries')) {
      expectTypeOf(adapter.listCountries()).resolves.toEqualTypeOf<Country[]>()
    }
    if (adapterSupports(adapter, 'updateInvitation')) {
      expectTypeOf(adapter.updateInvitation).parameters.toEqualTypeOf<[id: string, input: UpdateInvitationInput]>()
    }
  })

  it('accepts operation names only', () => {
    adapterSupports(adapter, 'listNetworks')
    adapterSupports(adapter, 'createInvitation')
    // @ts-expect-error not an operation
    adapterSupports(adapter, 'name')
    // @ts-expect-error not an operation
    adapterSupports(adapter, 'dropTables')
  })
})

describe('NetworkApiError', () => {
  it('has typed, readonly fields', () => {
    const error = new NetworkApiError({ status: 400, type: 'user', message: 'x' })
    expectTypeOf(error).toExtend<Error>()
    expectTypeOf(error.status).toEqualTypeOf<number>()
    expectTypeOf(error.code).toEqualTypeOf<number>()
    expectTypeOf(error.type).toEqualTypeOf<NetworkApiErrorType>()
    expectTypeOf(error.type).toEqualTypeOf<'user' | 'codebase' | 'system' | 'network'>()
    expectTypeOf(error.message).toEqualTypeOf<string>()
    expectTypeOf(error.fields).toEqualTypeOf<Readonly<Record<string, string>>>()
    expectTypeOf(error.devMessage).toEqualTypeOf<string | undefined>()
    expectTypeOf(error.reason).toEqualTypeOf<NetworkApiErrorReason | undefined>()
    expectTypeOf(error.retryAfter).toEqualTypeOf<number | undefined>()
    expectTypeOf(error.toJSON()).toEqualTypeOf<NetworkApiErrorInit>()
    // @ts-expect-error readonly
    error.status = 500
  })

  it('keeps known reasons while accepting unknown strings', () => {
    expectTypeOf<'token_expired'>().toExtend<NetworkApiErrorReason>()
    expectTypeOf<'something_new'>().toExtend<NetworkApiErrorReason>()
    expectTypeOf<42>().not.toExtend<NetworkApiErrorReason>()
  })

  it('requires status, type and message', () => {
    // @ts-expect-error message missing
    new NetworkApiError({ status: 400, type: 'user' })
    // @ts-expect-error unknown type
    new NetworkApiError({ status: 400, type: 'client', message: 'x' })
  })
})

describe('schema outputs equal the domain types', () => {
  it('inputs', () => {
    expectTypeOf<z.infer<typeof createInvitationInputSchema>>().toEqualTypeOf<CreateInvitationInput>()
    expectTypeOf<z.infer<typeof updateInvitationInputSchema>>().toEqualTypeOf<UpdateInvitationInput>()
    expectTypeOf<z.infer<typeof updateNetworkInputSchema>>().toEqualTypeOf<UpdateNetworkInput>()
    expectTypeOf<z.infer<typeof listQuerySchema>>().toEqualTypeOf<ListQuery>()
    expectTypeOf<z.infer<typeof emailSchema>>().toEqualTypeOf<string>()
    expectTypeOf<z.infer<typeof feeSchema>>().toEqualTypeOf<number>()
    expectTypeOf<z.infer<typeof activationTokenSchema>>().toEqualTypeOf<string>()
  })

  it('responses', () => {
    expectTypeOf<z.infer<typeof networkInvitationSchema>>().toEqualTypeOf<NetworkInvitation>()
    expectTypeOf<z.infer<typeof networkSchema>>().toEqualTypeOf<Network>()
    expectTypeOf<z.infer<typeof networkDomainSchema>>().toEqualTypeOf<NetworkDomain>()
    expectTypeOf<z.infer<typeof networkDomainCollectionSchema>>().toEqualTypeOf<NetworkDomain[]>()
    expectTypeOf<z.infer<typeof countrySchema>>().toEqualTypeOf<Country>()
    expectTypeOf<z.infer<typeof activationResultSchema>>().toEqualTypeOf<ActivationResult>()
    expectTypeOf<z.infer<typeof deleteNetworkResultSchema>>().toEqualTypeOf<DeleteNetworkResult>()
    expectTypeOf<z.infer<ReturnType<typeof recordListSchema<Network>>>>().toEqualTypeOf<RecordList<Network>>()
  })

  it('the network schema does not leak the raw fee_proposed_date spelling', () => {
    expectTypeOf<z.infer<typeof networkSchema>>().not.toHaveProperty('fee_proposed_date')
    expectTypeOf<z.input<typeof networkSchema>>().toHaveProperty('fee_proposed_date')
  })
})
