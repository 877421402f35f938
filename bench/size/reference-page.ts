/**
 * The size reference page: what a host ships for one screen with all four components, every peer bundled
 * (vue, @tanstack/vue-query, vee-validate, zod/mini; pinia is not in it because the core never imports it:
 * only the mock backend does). It talks to the REST adapter, as a real host would; no mock, no stylesheet.
 */
import { createApp, h } from 'vue'
import { createAccountNetworks } from '../../src/index'
import { NetworkActivation, NetworkInvitationForm, NetworkInvitationsTable, NetworksTable } from '../../src/components/index'
import { createRestAdapter } from '../../src/adapters/rest/index'

const adapter = createRestAdapter({ baseUrl: '/api' })
const isActivation = new URLSearchParams(location.search).has('token')

createApp({
  render: () =>
    isActivation
      ? h(NetworkActivation)
      : h('main', [h(NetworkInvitationForm), h(NetworkInvitationsTable), h(NetworksTable)]),
})
  .use(createAccountNetworks({ adapter, loginUrl: '/login' }))
  .mount('#app')
