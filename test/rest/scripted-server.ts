/** A scripted `node:http` server for the REST adapter's error-path tests: each request is recorded and answered by a script. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string
  /** Raw request target (path and query, still encoded). */
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** How the script answers a request: `(req, res, recorded, index)`; `index` counts from 0. */
export type Script = (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest, index: number) => void

/** A running scripted server. */
export interface ScriptedServer {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

/** Starts a server on 127.0.0.1 (free port) answering with `script`. */
export async function startScripted(script: Script): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(recorded)
      script(req, res, recorded, requests.length - 1)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/** Answers JSON with `status` (and extra headers). */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** Answers a raw body with `status` and `content-type`. */
export function raw(res: ServerResponse, status: number, body: string, contentType = 'text/html'): void {
  res.writeHead(status, { 'content-type': contentType })
  res.end(body)
}

/** A valid invitation object. */
export const INVITATION = {
  id: 'nwi_1234567890',
  created: 1693341407,
  domain_id: 'dom_1234567890',
  fee_proposed: 2.5,
  email: 'jdoe@acme.com',
  expires: 1693514207,
  status: 'pending',
} as const

/** A valid network object (seed 003 plus the core's required fields). */
export const NETWORK = {
  account_id: 'acc_2345678901',
  account_title: 'Acme Seafood',
  domain_id: 'dom_1',
  domain_title: 'Wholesale Distributor',
  fee: 1.5,
  fee_proposed: 2,
  fee_proposed_date: 1234567890,
  created: 1234567000,
} as const

/** A record list of `list`. */
export function recordList<T>(list: T[]): { list: T[]; total: number; search: string; filter: string; filters: string[]; pages: number } {
  return { list, total: list.length, search: '', filter: '', filters: ['pending', 'expired'], pages: list.length ? 1 : 0 }
}
