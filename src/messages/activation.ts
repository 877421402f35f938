/** Messages of `NetworkActivation`. */
export const activationMessages = {
  /** Accessible name of the component's region. */
  title: 'NetworkActivation',
}
