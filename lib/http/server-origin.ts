import "server-only";
import { headers } from "next/headers";

/** This server's address as the browser reached it (NEXTAUTH_URL when set), for links and curl lines. */
export async function serverOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "127.0.0.1:3000"}`;
}
