/**
 * The adapter conformance suite, run against the REST adapter over real HTTP: a reference server on 127.0.0.1
 * backed by a fresh mock backend per test, driven in-process through the same levers as the mock subject.
 */
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest'
import { createReferenceServer } from '../../src/server'
import { createMockConformanceSubject, describeAdapterConformance } from '../../src/testing'
import type { ConformanceSubject } from '../../src/testing'

async function restSubject(routes: RestAdapterOptions['routes']): Promise<ConformanceSubject> {
  const mock = createMockConformanceSubject()
  const server = await createReferenceServer({ backend: mock.backend }).listen()
  return {
    adapter: createRestAdapter({ baseUrl: server.url, routes }),
    control: mock.control,
    fixtures: mock.fixtures,
    teardown: () => server.close(),
  }
}

describeAdapterConformance('REST adapter over HTTP (seed 003 routes)', () => restSubject('backstack'))

describeAdapterConformance('REST adapter over HTTP (seed 000 v1 routes)', () => restSubject('backstack-v1'))

describeAdapterConformance('REST adapter over HTTP (seed 003 routes + countries override)', () =>
  restSubject({ listCountries: { method: 'GET', path: '/countries?collection=true' } }),
)
