import { randomBytes } from "node:crypto";
import { slugFromName } from "../programs/program-input";

const suffix = () => randomBytes(3).toString("hex");

/**
 * The keys to try, in order, for a group created without one: derived from the name
 * ("Resellers EU" → "resellers-eu"), then the same with a random suffix when taken. A name with
 * nothing to derive from (only symbols) gets a random key like other generated keys.
 */
export function groupKeyCandidates(name: string): string[] {
  const base = slugFromName(name);
  if (!base) return [`grp_${randomBytes(12).toString("hex")}`];
  return [base, `${base}-${suffix()}`, `${base}-${suffix()}`];
}

/** The group's `slug` column (PartnerStack's): from the name, else its key. */
export function groupSlugOf(name: string, key: string): string {
  return slugFromName(name) || key;
}
