import { hkdfSync } from "node:crypto";
import { getAuthSecret } from "../security/auth-secret";

/** The key of delivery links, derived from the server's secret (never the session key itself). */
export function deriveDeliverySecret(serverSecret: string): string {
  return Buffer.from(
    hkdfSync("sha256", serverSecret, "", "actionboard delivery links", 32),
  ).toString("base64url");
}

/** This server's key for delivery links (NEXTAUTH_SECRET, or the generated one in .data). */
export const deliverySecret = () => deriveDeliverySecret(getAuthSecret());
