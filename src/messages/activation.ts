/** The region's name, also its heading while the link is being read. */
const TITLE = 'Network invitation'

/** Messages of `NetworkActivation`. */
export const activationMessages = {
  /** Accessible name of the component's region. */
  title: TITLE,

  /** Heading while the link is being read (and on the server, before the page runs in a browser). */
  idleTitle: TITLE,
  /** Text while the link is being read. */
  idleText: 'Reading your invitation link…',

  /** Heading when the page was opened without a token. */
  noTokenTitle: 'This link is incomplete',
  /** Text when the page was opened without a token. */
  noTokenText: "We couldn't find an invitation in this link. Open the link from your invitation email again, or copy all of it into the address bar.",

  /** Heading before activating. */
  readyTitle: 'Join the network',
  /** What activating does (the page knows only the token, so it names no account). */
  readyText: "You've been invited to join a network. Activating creates your account and connects it to the account that invited you.",
  /** The Activate button. */
  activate: 'Activate',

  /** The Activate button while the request runs. */
  activatingButton: 'Activating…',
  /** Announced while the request runs. */
  activatingText: 'Activating your account…',

  /** Heading after a successful activation. */
  activatedTitle: 'Your account is ready',
  /** Text after a successful activation. */
  activatedText: "We've emailed you instructions to sign in to your new account.",
  /** The sign-in link (shown when a login URL is known). */
  signIn: 'Sign in',

  /** Heading when the invitation expired. */
  expiredTitle: 'This invitation has expired',
  /** Text when the invitation expired. */
  expiredText: 'Invitation links work for a limited time. Ask the person who invited you to send a new invitation.',

  /** Heading when the invitation was already accepted. */
  usedTitle: 'This invitation was already accepted',
  /** Text when the invitation was already accepted. */
  usedText: 'Your account already exists. Sign in to continue.',

  /** Heading when the link is not (or no longer) valid. */
  invalidTitle: 'This link is not valid',
  /** Text per reason the link is not valid; `token_invalid` is also the fallback. */
  invalidReasons: {
    token_malformed: 'This activation link is incomplete or damaged. Open the link from your invitation email again, or copy all of it.',
    token_invalid: 'This activation link is not valid. Check that you opened the link from the latest invitation email.',
    token_revoked: 'This invitation was withdrawn by the sender. Ask them to send a new one if needed.',
    token_replaced: 'A newer invitation was sent to your address. Use the link in the latest email.',
  },

  /** Heading when the request failed (connection, server, rate limit...). */
  errorTitle: "We couldn't activate your account",
  /** Text under the error's own message. */
  errorText: 'Check your connection and try again in a moment.',
}
