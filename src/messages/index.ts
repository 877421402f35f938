import { commonMessages } from './common'
import { formMessages } from './form'
import { invitationsMessages } from './invitations'
import { networksMessages } from './networks'
import { activationMessages } from './activation'
import { deepMerge } from './resolve'

/** Every visible string of the components, in English. Functions take the values they interpolate. */
export const defaultMessages = {
  /** Shared by every component. */
  common: commonMessages,
  /** `NetworkInvitationForm`. */
  form: formMessages,
  /** `NetworkInvitationsTable`. */
  invitations: invitationsMessages,
  /** `NetworksTable`. */
  networks: networksMessages,
  /** `NetworkActivation`. */
  activation: activationMessages,
}

type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : { [K in keyof T]: Widen<T[K]> }

/** The full messages object (English by default). */
export type NetworkMessages = Widen<typeof defaultMessages>

/** Any subset of the messages, to override per key. */
export type NetworkMessagesOverride = {
  [K in keyof NetworkMessages]?: NetworkMessages[K] extends string | ((...args: never[]) => string)
    ? NetworkMessages[K]
    : { [L in keyof NetworkMessages[K]]?: NetworkMessages[K][L] extends object & { call?: never } ? Partial<NetworkMessages[K][L]> : NetworkMessages[K][L] }
}

/** The default messages with `overrides` merged in per key. */
export function resolveMessages(...overrides: Array<NetworkMessagesOverride | undefined>): NetworkMessages {
  return overrides.reduce<NetworkMessages>((acc, o) => deepMerge(acc, o), defaultMessages)
}
