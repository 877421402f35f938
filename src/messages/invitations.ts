/** Messages of `NetworkInvitationsTable`. */
export const invitationsMessages = {
  /** Accessible name of the component's region. */
  title: 'NetworkInvitationsTable',
}
