export { default as NetworkActivation } from './NetworkActivation.vue'
export type { NetworkActivationEmits, NetworkActivationProps, NetworkActivationSlotProps, NetworkActivationSlots } from './NetworkActivation.vue'
export { default as NetworkInvitationForm } from './NetworkInvitationForm.vue'
export type {
  NetworkInvitationFormActionsSlotProps,
  NetworkInvitationFormEmits,
  NetworkInvitationFormProps,
  NetworkInvitationFormSlots,
} from './NetworkInvitationForm.vue'
export { default as NetworkInvitationsTable } from './NetworkInvitationsTable.vue'
export type {
  InvitationCellSlotProps,
  NetworkInvitationsTableEmits,
  NetworkInvitationsTableProps,
  NetworkInvitationsTableSlots,
} from './NetworkInvitationsTable.vue'
export { default as NetworksTable } from './NetworksTable.vue'
export type { NetworkCellSlotProps, NetworksTableEmits, NetworksTableProps, NetworksTableSlots } from './NetworksTable.vue'
