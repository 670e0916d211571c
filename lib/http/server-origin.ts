import "server-only";
import { headers } from "next/headers";
import { config } from "../config/config.mjs";

/** This server's address as the browser reached it (NEXTAUTH_URL when set), for links and curl lines. */
export async function serverOrigin(): Promise<string> {
  const configured = config().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "127.0.0.1:3000"}`;
}
