import type { OidcRefusal } from "./decide-oidc-sign-in";

const ASK_FOR_INVITATION = "Ask an owner of your program to invite you, then sign in again.";

const REFUSALS: Record<OidcRefusal, string> = {
  NoEmail:
    "Your identity provider did not share your email address, which Actionboard needs to find your account. Ask its administrator to release the email claim to Actionboard.",
  EmailNotVerified:
    "Your identity provider has not verified your email address, so it cannot sign you in here. Verify the address with your provider, then try again.",
  DomainNotAllowed: `Your email address has no Actionboard account or invitation, and its domain is not one that may join this server by single sign-on. ${ASK_FOR_INVITATION}`,
  NoAccount: `There is no Actionboard account or pending invitation for your email address. ${ASK_FOR_INVITATION}`,
};

// next-auth's own codes (its error page's, which is the sign-in page here).
const NEXT_AUTH: Record<string, string> = {
  AccessDenied: "You may not sign in here with that account.",
  OAuthSignin: "Single sign-on could not start: your identity provider did not answer. Try again.",
  OAuthCallback:
    "Single sign-on could not be completed: the answer from your identity provider did not check out (it may have expired or been altered). Start again.",
  Callback:
    "Single sign-on could not be completed: the answer from your identity provider did not check out (it may have expired or been altered). Start again.",
  OAuthAccountNotLinked: "This account signs in another way. Use the way you signed in before.",
  Configuration: "Sign-in is not set up correctly on this server. Tell its administrator.",
  TooManyAttempts: "Too many failed sign-ins. Wait a few minutes, then try again.",
};

/** What the sign-in page says for the `error` it was sent back with; null when there is none. */
export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  if (Object.hasOwn(REFUSALS, code)) return REFUSALS[code as OidcRefusal];
  if (Object.hasOwn(NEXT_AUTH, code)) return NEXT_AUTH[code];
  return "Sign-in did not work. Try again.";
}
