import type { AuditActor } from "./record-audit";

/** Who changed something through the API, in the audit log: the key, by its public half. */
export function apiKeyActor(publicKey: string): AuditActor {
  return { system: `API key ${publicKey}` };
}
