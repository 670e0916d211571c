import { hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";
import { getAuthSecret } from "../security/auth-secret";
import { readToken, signToken } from "../security/signed-token";
import { tokenHash } from "../accounts/one-time-token";

/** An invitation works for seven days, once. */
export const INVITATION_TTL_MS = 7 * 86_400_000;

const PURPOSE = "invitation";
const payload = z.object({
  p: z.number().int().positive(),
  i: z.number().int().positive(),
  n: z.string().min(16).max(64),
});

/** The key of invitation links, derived from the server's secret (never the session key itself). */
export const invitationSecret = (serverSecret = getAuthSecret()) =>
  Buffer.from(hkdfSync("sha256", serverSecret, "", "actionboard invitation links", 32)).toString(
    "base64url",
  );

/** A fresh nonce for an invitation's link, and what the database keeps of it. */
export function newInvitationNonce() {
  const nonce = randomBytes(24).toString("base64url");
  return { nonce, nonceHash: tokenHash(nonce) };
}

/** The link's token: program, invitation and nonce, signed by the server. */
export const invitationToken = (
  programId: number,
  invitationId: number,
  nonce: string,
  secret = invitationSecret(),
) => signToken(PURPOSE, { p: programId, i: invitationId, n: nonce }, secret);

/** What a token names, if this server signed it; null for anything forged or malformed. */
export function readInvitationToken(token: unknown, secret = invitationSecret()) {
  if (typeof token !== "string" || token.length > 512) return null;
  const data = readToken(PURPOSE, token, secret, payload);
  return data ? { programId: data.p, invitationId: data.i, nonceHash: tokenHash(data.n) } : null;
}

export const invitationUrl = (baseUrl: string, token: string) =>
  `${baseUrl.replace(/\/+$/, "")}/invitations/${token}`;
