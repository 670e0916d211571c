import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "../config/config.mjs";

const SECRET_FILE = path.join(process.cwd(), ".data", "auth-secret");

/**
 * The key that signs session cookies: NEXTAUTH_SECRET (or AUTH_SECRET) when set; otherwise one
 * generated on first use and kept in the git-ignored data folder, so sessions survive restarts.
 */
export function getAuthSecret(): string {
  const { NEXTAUTH_SECRET, AUTH_SECRET } = config();
  const fromEnv = NEXTAUTH_SECRET || AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (!existsSync(SECRET_FILE)) {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  }
  return readFileSync(SECRET_FILE, "utf8").trim();
}
