/** Messages of `NetworksTable`. */
export const networksMessages = {
  /** Accessible name of the component's region. */
  title: 'NetworksTable',
}
