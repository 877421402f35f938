/**
 * A reference HTTP server (Node only, `node:http` alone) for the Backstack network API of seed 003 (and the two
 * v1 paths of seed 000), backed by the mock backend. It lets the REST adapter run over real HTTP in tests and
 * in the playground. Not a production server: the session is the backend's (or an `x-mock-account` header).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toRaw } from 'vue'
import type { NetworksOperation } from '../core/adapter'
import { describeThrown } from '../core/describe'
import { NetworkApiError, isNetworkApiError } from '../core/errors'
import { isPlainObject } from '../core/guards'
import { paginate, resolveListQuery } from '../core/list'
import type { ListQuery } from '../core/types'
import { createMockBackend } from '../adapters/mock'
import type { MockBackend, MockBackendOptions } from '../adapters/mock'

/** Connect-style middleware: `(req, res, next?)`, usable with `http.createServer` or Vite's `server.middlewares.use`. */
export type ReferenceHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

/** Options of `createReferenceServer`. */
export interface ReferenceServerOptions {
  /** The backend to serve; a new `createMockBackend(backendOptions)` when omitted. */
  backend?: MockBackend
  /** Options of the backend created when `backend` is omitted. */
  backendOptions?: MockBackendOptions
  /** Path prefix the handler strips (and `listen` adds to its URL), e.g. `/api`; not needed under Vite's `use(prefix)`. @defaultValue '' */
  basePath?: string
  /** Request header naming the account to act as for that request; `false` to always use the backend's session. @defaultValue 'x-mock-account' */
  accountHeader?: string | false
  /** Whether to also serve the v1 paths `POST /v1/network/initiate` and `POST /v1/network/activate/:token`. @defaultValue true */
  v1?: boolean
  /** Largest request body accepted, in bytes (413 above). @defaultValue 1048576 */
  maxBodyBytes?: number
  /** How long an injected `timeout` failure holds the response before answering 504 (the client should give up first). @defaultValue 30000 */
  hangMs?: number
  /** Idempotency keys remembered per account (oldest forgotten first). @defaultValue 1000 */
  idempotencyKeysPerAccount?: number
}

/** A running reference server. */
export interface ListeningReferenceServer {
  /** Base URL to give `createRestAdapter`, e.g. `http://127.0.0.1:54321` (plus `basePath`). */
  url: string
  /** The port it listens on. */
  port: number
  /** Stops listening and drops every open connection. */
  close(): Promise<void>
}

/** The reference server: a middleware plus a way to listen on a port. */
export interface ReferenceServer {
  /** The backend behind the API (drive it directly in tests: `signInAs`, `clock`, `outbox`...). */
  readonly backend: MockBackend
  /** Handles one request; answers every API path (unknown ones 404 in the Backstack error shape). */
  readonly handler: ReferenceHandler
  /** Listens on `host:port` (port 0 picks a free one). @defaultValue port 0, host '127.0.0.1' */
  listen(port?: number, host?: string): Promise<ListeningReferenceServer>
}

/** What a route handler returns: a JSON body (status 200) or an empty 204. */
type RouteResult = { status: 200; body: unknown } | { status: 204 }

interface RouteContext {
  /** The segment the pattern's `:x` matched (`''` when it has none). */
  param: string
  query: URLSearchParams
  rawBody: string
  body: unknown
}

interface Route {
  method: string
  /** Path pattern; `:x` matches one segment. */
  pattern: string
  operation: NetworksOperation | ((ctx: RouteContext) => NetworksOperation)
  run(ctx: RouteContext, operation: NetworksOperation): RouteResult
}

interface StoredResponse {
  status: number
  payload: string
  headers: Record<string, string>
}

interface IdempotencyEntry {
  fingerprint: string
  result: Promise<StoredResponse>
}

const JSON_TYPE = 'application/json; charset=utf-8'

/** Creates the reference server (not listening yet). */
export function createReferenceServer(options: ReferenceServerOptions = {}): ReferenceServer {
  const backend = options.backend ?? createMockBackend(options.backendOptions)
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const accountHeader = options.accountHeader === false ? null : (options.accountHeader ?? 'x-mock-account').toLowerCase()
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  const hangMs = options.hangMs ?? 30_000
  const keysPerAccount = options.idempotencyKeysPerAccount ?? 1000
  const idempotency = new Map<string, Map<string, IdempotencyEntry>>()
  const api = backend.api
  /** The stored account `id` (raw: no copy of the whole list, unlike `backend.accounts()`). */
  const storedAccount = (id: string) => toRaw(backend.store.$state).accounts.find((a) => a.id === id)

  const listQuery = (q: URLSearchParams): ListQuery => {
    const query: ListQuery = {}
    const search = q.get('search')
    const filter = q.get('filter')
    if (search !== null) query.search = search
    if (filter !== null) query.filter = filter
    for (const key of ['page', 'records'] as const) {
      const value = q.get(key)
      if (value === null || value === '') continue
      if (!/^-?\d+$/.test(value)) throw badRequest(`Query parameter ${key} must be a whole number.`, { [key]: `The ${key === 'page' ? 'page' : 'page size'} must be a whole number.` })
      query[key] = Number(value)
    }
    return query
  }

  const createInvitation: Route['run'] = (ctx) => ({ status: 200, body: api.createInvitation(objectBody(ctx) as never) })

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/account/network-domains',
      operation: 'listNetworkDomains',
      run(ctx) {
        const domains = api.listNetworkDomains()
        if (ctx.query.get('collection') === 'true') {
          return { status: 200, body: domains.map((d) => ({ [d.id]: { title: d.title, description: d.description } })) }
        }
        return { status: 200, body: paginate(domains, resolveListQuery(listQuery(ctx.query)), []) }
      },
    },
    {
      method: 'GET',
      pattern: '/countries',
      operation: 'listCountries',
      run: () => ({ status: 200, body: api.listCountries().map((c) => ({ [c.id]: { title: c.title } })) }),
    },
    { method: 'GET', pattern: '/account/network-invitations', operation: 'listInvitations', run: (ctx) => ({ status: 200, body: api.listInvitations(listQuery(ctx.query)) }) },
    { method: 'POST', pattern: '/account/network-invitations', operation: 'createInvitation', run: createInvitation },
    {
      method: 'POST',
      pattern: '/account/network-invitations/:x',
      // Seed 003 gives update and activation the same shape: ids start with `nwi_`, and only an update has a body.
      operation: (ctx) => (ctx.param.startsWith('nwi_') || ctx.rawBody.trim() !== '' ? 'updateInvitation' : 'activateInvitation'),
      run(ctx, operation) {
        if (operation === 'activateInvitation') return { status: 200, body: api.activateInvitation(ctx.param) }
        return { status: 200, body: api.updateInvitation(ctx.param, objectBody(ctx) as never) }
      },
    },
    {
      method: 'DELETE',
      pattern: '/account/network-invitations/:x',
      operation: 'deleteInvitation',
      run(ctx) {
        api.deleteInvitation(ctx.param)
        return { status: 204 }
      },
    },
    { method: 'GET', pattern: '/account/networks', operation: 'listNetworks', run: (ctx) => ({ status: 200, body: api.listNetworks(listQuery(ctx.query)) }) },
    { method: 'GET', pattern: '/account/networks/:x', operation: 'getNetwork', run: (ctx) => ({ status: 200, body: api.getNetwork(ctx.param) }) },
    { method: 'POST', pattern: '/account/networks/:x', operation: 'updateNetwork', run: (ctx) => ({ status: 200, body: api.updateNetwork(ctx.param, objectBody(ctx) as never) }) },
    { method: 'DELETE', pattern: '/account/networks/:x', operation: 'deleteNetwork', run: (ctx) => ({ status: 200, body: api.deleteNetwork(ctx.param) }) },
  ]
  if (options.v1 !== false) {
    routes.push(
      { method: 'POST', pattern: '/v1/network/initiate', operation: 'createInvitation', run: createInvitation },
      {
        method: 'POST',
        pattern: '/v1/network/activate/:x',
        operation: 'activateInvitation',
        run(ctx) {
          // Seed 000 answers with the new account object rather than the ids.
          const result = api.activateInvitation(ctx.param)
          const account = storedAccount(result.account_id)
          return {
            status: 200,
            body: {
              id: result.account_id,
              title: account?.title ?? '',
              domain_id: result.domain_id,
              version_id: result.version_id,
              country_id: account?.country_id ?? '',
              created: account?.created ?? backend.clock.now(),
              users: account?.users.map((u) => ({ id: u.id, email: u.email, name: u.name })) ?? [{ id: result.user_id }],
            },
          }
        },
      },
    )
  }

  /** Each route with its pattern split into segments once, not on every request. */
  const compiled = routes.map((route) => ({ route, parts: route.pattern.split('/').filter((s) => s !== '') }))

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://reference.invalid')
    let pathname = url.pathname
    if (basePath !== '') {
      if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return sendError(req, res, notFound())
      pathname = pathname.slice(basePath.length) || '/'
    }
    const segments = pathname.split('/').filter((s) => s !== '')
    let decoded: string[]
    try {
      decoded = segments.map((s) => decodeURIComponent(s))
    } catch {
      return sendError(req, res, badRequest('The path is not valid URL encoding.'))
    }
    const matches = compiled.flatMap(({ route, parts }) => {
      const param = matchPattern(parts, decoded)
      return param === null ? [] : [{ route, param }]
    })
    const match = matches.find((m) => m.route.method === method)
    if (!match) {
      if (matches.length > 0) {
        res.setHeader('allow', [...new Set(matches.map((m) => m.route.method))].join(', '))
        return sendError(req, res, new NetworkApiError({ status: 405, type: 'codebase', message: 'Something went wrong with this request. Please try again.', devMessage: `${method} is not allowed on ${pathname}.` }))
      }
      return sendError(req, res, notFound(`No API route ${method} ${pathname}.`))
    }

    let rawBody: string
    try {
      rawBody = await readBody(req, maxBodyBytes)
    } catch (error) {
      return sendError(req, res, isNetworkApiError(error) ? error : badRequest('The request body could not be read.'))
    }
    let body: unknown
    if (rawBody.trim() !== '' && method !== 'GET' && method !== 'DELETE') {
      try {
        body = JSON.parse(rawBody)
      } catch {
        return sendError(req, res, badRequest('The request body is not valid JSON.'))
      }
    }

    const headerValue = accountHeader ? req.headers[accountHeader] : undefined
    const headerAccount = typeof headerValue === 'string' && headerValue.trim() !== '' ? headerValue.trim() : null
    if (headerAccount !== null && !storedAccount(headerAccount)) {
      return sendError(req, res, new NetworkApiError({ status: 401, type: 'user', message: 'Your session has ended. Sign in again.', reason: 'unauthenticated', devMessage: `Unknown account in the ${accountHeader} header.` }))
    }
    const { route, param } = match
    const ctx: RouteContext = { param, query: url.searchParams, rawBody, body }
    const operation = typeof route.operation === 'function' ? route.operation(ctx) : route.operation

    const execute = async (): Promise<StoredResponse> => {
      await backend.beforeCall(operation)
      const run = () => route.run(ctx, operation)
      const result = headerAccount === null ? run() : backend.actAs(headerAccount, run)
      return result.status === 204 ? { status: 204, payload: '', headers: {} } : { status: 200, payload: JSON.stringify(result.body), headers: { 'content-type': JSON_TYPE } }
    }

    try {
      const keyHeader = req.headers['idempotency-key']
      const key = typeof keyHeader === 'string' ? keyHeader.trim() : undefined
      let stored: StoredResponse
      if (operation === 'createInvitation' && key !== undefined) {
        if (key === '' || key.length > 255) throw badRequest('The Idempotency-Key header must be 1 to 255 characters.')
        stored = await idempotent(headerAccount ?? backend.session().accountId ?? '', key, ctx, execute, res)
      } else {
        stored = await execute()
      }
      send(res, stored.status, stored.payload, stored.headers)
    } catch (error) {
      handleFailure(req, res, error)
    }
  }

  /** Runs a create once per (account, key): the same key with the same body replays the stored answer. */
  async function idempotent(account: string, key: string, ctx: RouteContext, execute: () => Promise<StoredResponse>, res: ServerResponse): Promise<StoredResponse> {
    let keys = idempotency.get(account)
    if (!keys) idempotency.set(account, (keys = new Map()))
    const fingerprint = canonical(ctx)
    const existing = keys.get(key)
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw new NetworkApiError({
          status: 400,
          type: 'codebase',
          message: 'Something went wrong with this request. Please try again.',
          reason: 'idempotency_key_reused',
          devMessage: 'This Idempotency-Key was already used with a different request body.',
        })
      }
      const replay = await existing.result
      res.setHeader('idempotent-replayed', 'true')
      return replay
    }
    const entry: IdempotencyEntry = { fingerprint, result: execute() }
    keys.set(key, entry)
    while (keys.size > keysPerAccount) {
      const oldest = keys.keys().next().value
      if (oldest === undefined) break
      keys.delete(oldest)
    }
    try {
      return await entry.result
    } catch (error) {
      // Only a success is remembered: after a failure the same key may try again.
      if (keys.get(key) === entry) keys.delete(key)
      throw error
    }
  }

  function handleFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    if (isNetworkApiError(error) && error.type === 'network') {
      if (error.reason === 'timeout') {
        // Injected timeout: hold the answer until the client gives up (or `hangMs` passes).
        const timer = setTimeout(
          () => sendError(req, res, new NetworkApiError({ status: 504, type: 'system', message: 'The server took too long to answer. Please try again.', reason: 'timeout', devMessage: 'Injected timeout (reference server).' })),
          hangMs,
        )
        timer.unref?.()
        res.on('close', () => clearTimeout(timer))
        return
      }
      // Injected offline: drop the connection without an answer.
      req.socket.destroy()
      return
    }
    if (isNetworkApiError(error)) return sendError(req, res, error)
    sendError(
      req,
      res,
      new NetworkApiError({
        status: 500,
        type: 'system',
        message: 'Something went wrong on our side. Please try again.',
        reason: 'server_error',
        devMessage: describeThrown(error),
      }),
    )
  }

  const handler: ReferenceHandler = (req, res) => {
    respond(req, res).catch((error: unknown) => handleFailure(req, res, error))
  }

  return {
    backend,
    handler,
    listen(port = 0, host = '127.0.0.1') {
      const server = createServer((req, res) => handler(req, res))
      return new Promise<ListeningReferenceServer>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const address = server.address() as AddressInfo
          const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address
          resolve({
            url: `http://${hostPart}:${address.port}${basePath}`,
            port: address.port,
            close: () =>
              new Promise<void>((done, fail) => {
                server.close((error) => (error ? fail(error) : done()))
                server.closeAllConnections()
              }),
          })
        })
      })
    },
  }
}

/** The segment a `:x` of the pattern `parts` matched (`''` when it has none), or `null` when `segments` do not match. */
function matchPattern(parts: readonly string[], segments: readonly string[]): string | null {
  if (parts.length !== segments.length) return null
  let param = ''
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] ?? ''
    if (part.startsWith(':')) param = segment
    else if (part !== segment) return null
  }
  return param
}

/** The JSON body when it is an object; a 400 `codebase` error otherwise. */
function objectBody(ctx: RouteContext): Record<string, unknown> {
  if (ctx.body === undefined) return {}
  if (!isPlainObject(ctx.body)) throw badRequest('The request body must be a JSON object.')
  return ctx.body
}

/** The request body with its keys sorted (the raw text when there is none), to compare two requests. */
function canonical(ctx: RouteContext): string {
  return ctx.body === undefined ? ctx.rawBody : JSON.stringify(sortKeys(ctx.body))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}

function badRequest(devMessage: string, fields?: Record<string, string>): NetworkApiError {
  return new NetworkApiError({ status: 400, type: 'codebase', message: 'Something went wrong with this request. Please try again.', reason: 'validation', fields, devMessage })
}

function notFound(devMessage = 'No such API route.'): NetworkApiError {
  return new NetworkApiError({ status: 404, type: 'codebase', message: "We couldn't find what you were looking for.", reason: 'not_found', devMessage })
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        reject(new NetworkApiError({ status: 413, type: 'codebase', message: 'Something went wrong with this request. Please try again.', devMessage: `The request body is larger than ${limit} bytes.` }))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', (error) => {
      if (!failed) reject(error)
    })
  })
}

function send(res: ServerResponse, status: number, payload: string, headers: Record<string, string>): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return
  res.statusCode = status
  res.setHeader('cache-control', 'no-store')
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value)
  res.end(payload)
}

/** Answers `error` in the Backstack error shape (`{ error: { request_method, type, code, ... } }`). */
function sendError(req: IncomingMessage, res: ServerResponse, error: NetworkApiError): void {
  const status = error.status >= 400 && error.status <= 599 ? error.status : error.type === 'network' ? 503 : 500
  const headers: Record<string, string> = { 'content-type': JSON_TYPE }
  if (error.retryAfter !== undefined) headers['retry-after'] = String(Math.max(0, Math.ceil(error.retryAfter)))
  const body = {
    error: {
      request_method: (req.method ?? 'GET').toLowerCase(),
      type: error.type === 'network' ? 'system' : error.type,
      code: error.code || status,
      message: error.message,
      fields: { ...error.fields },
      dev_message: error.devMessage ?? '',
      ...(error.reason !== undefined ? { reason: error.reason } : {}),
    },
  }
  send(res, status, JSON.stringify(body), headers)
}
