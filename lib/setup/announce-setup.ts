import "server-only";
import { config, type Env } from "../config/config.mjs";
import type { PrismaClient } from "../generated/prisma/client";
import { needsSetup } from "./needs-setup";
import { setupLink, setupToken } from "./setup-token";

/**
 * At server start: while no account exists, prints the one-time setup link (with this process's
 * token) to the log, so only whoever can read the server's log can claim the instance.
 */
export async function announceSetup(
  prisma: Pick<PrismaClient, "user">,
  log: (line: string) => void = console.log,
  env?: Env,
): Promise<boolean> {
  if (!(await needsSetup(prisma))) return false;
  const { NEXTAUTH_URL, HOST, PORT } = config(env);
  const baseUrl = NEXTAUTH_URL || `http://${HOST}:${PORT}`;
  log("");
  log("Actionboard has no account yet. Open this link to create the first owner and program:");
  log(`  ${setupLink(baseUrl, setupToken(env))}`);
  log("(The link works until setup is done. Several processes? Give them the same SETUP_TOKEN.)");
  log("");
  return true;
}
