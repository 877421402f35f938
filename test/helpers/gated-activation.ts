import type { NetworksAdapter } from '../../src/core/adapter'

/** Holds every `activateInvitation` call until `release()`, to observe the `activating` state. */
export function gated(adapter: NetworksAdapter): { adapter: NetworksAdapter; release: () => void } {
  const waiting: Array<() => void> = []
  const wrapped = Object.create(adapter) as NetworksAdapter
  Object.defineProperty(wrapped, 'activateInvitation', {
    value: async (token: string) => {
      await new Promise<void>((resolve) => waiting.push(resolve))
      return adapter.activateInvitation(token)
    },
  })
  return { adapter: wrapped, release: () => waiting.splice(0).forEach((go) => go()) }
}
