import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import type { OidcSettings } from "../config/config.mjs";

/** next-auth's id for single sign-on: its routes are /api/auth/signin/oidc and /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export type OidcClaims = Record<string, unknown> & { sub: string };

/**
 * Any OpenID Connect provider, found by discovery. The ID token is checked (signature, issuer,
 * audience, nonce) by openid-client; the authorization code by PKCE and the request by state.
 * Many providers put the email only in userinfo for the code flow: what the ID token lacks is
 * taken from there (openid-client refuses an answer about another `sub`).
 */
export function oidcProvider(settings: OidcSettings): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    userinfo: {
      async request({ tokens, client }) {
        // next-auth hands over openid-client's TokenSet (its types say only the parameters).
        const tokenSet = tokens as TokenSet;
        const claims = tokenSet.claims() as OidcClaims;
        if (typeof claims.email === "string" && claims.email_verified !== undefined) return claims;
        const info = await client.userinfo(tokenSet);
        return { ...info, ...claims };
      },
    },
    profile: (claims) => ({
      id: claims.sub,
      name: typeof claims.name === "string" ? claims.name : null,
      email: typeof claims.email === "string" ? claims.email : null,
    }),
  };
}
