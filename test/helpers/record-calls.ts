import type { NetworksAdapter, NetworksOperation } from '../../src/core/adapter'
import { NETWORKS_OPERATIONS } from '../../src/core/adapter'

/** One adapter call as it crossed the adapter. */
export interface RecordedCall {
  operation: NetworksOperation
  args: unknown[]
}

/** Wraps an adapter so every call is recorded; unsupported operations stay absent. */
export function recordCalls<A extends NetworksAdapter>(adapter: A): { adapter: A; calls: RecordedCall[]; count: (op: NetworksOperation) => number; reset: () => void } {
  const calls: RecordedCall[] = []
  const wrapped = Object.create(adapter) as A
  for (const operation of NETWORKS_OPERATIONS) {
    const method = adapter[operation] as ((...args: unknown[]) => Promise<unknown>) | undefined
    if (typeof method !== 'function') continue
    Object.defineProperty(wrapped, operation, {
      value: (...args: unknown[]) => {
        calls.push({ operation, args })
        return method.apply(adapter, args)
      },
    })
  }
  return { adapter: wrapped, calls, count: (op) => calls.filter((c) => c.operation === op).length, reset: () => void calls.splice(0) }
}
