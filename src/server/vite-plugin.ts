/**
 * A Vite plugin that mounts the reference server on the dev (and preview) server, so the playground can use the
 * REST adapter over real HTTP: `createRestAdapter({ baseUrl: '/api' })`.
 */
import type { Plugin } from 'vite'
import { createReferenceServer, type ReferenceServer, type ReferenceServerOptions } from './reference-server'

/** Options of `referenceApiPlugin`. */
export interface ReferenceApiPluginOptions extends Omit<ReferenceServerOptions, 'basePath'> {
  /** Path the API is mounted at. @defaultValue '/api' */
  prefix?: string
  /** An existing reference server to mount instead of creating one (its `basePath` should be empty). */
  server?: ReferenceServer
}

/** The Vite plugin serving the reference API under `prefix` on `vite dev` and `vite preview`. */
export function referenceApiPlugin(options: ReferenceApiPluginOptions = {}): Plugin & { readonly reference: ReferenceServer } {
  const { prefix = '/api', server, ...serverOptions } = options
  const reference = server ?? createReferenceServer(serverOptions)
  return {
    name: 'vue-account-networks:reference-api',
    reference,
    configureServer(dev) {
      dev.middlewares.use(prefix, reference.handler)
    },
    configurePreviewServer(preview) {
      preview.middlewares.use(prefix, reference.handler)
    },
  }
}
