/** Messages of `NetworkInvitationForm`. */
export const formMessages = {
  /** Accessible name of the component's region. */
  title: 'NetworkInvitationForm',
}
