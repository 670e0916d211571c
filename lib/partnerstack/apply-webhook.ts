import "server-only";
import { z } from "zod";
import { DomainError, invalidFields } from "../errors/domain-error";
import type { PrismaClient } from "../generated/prisma/client";
import { sourceCustomer, sourcePartnership } from "./source-records";
import { archiveCustomer, storeCustomer } from "./store-customer";
import { archivePartnership, storePartnership } from "./store-partnership";

/**
 * PartnerStack's events, in the spelling of its older webhook page (the newer writes
 * `partnership.created`, `partnership.tags_updated`: dots become underscores).
 */
const EVENTS = [
  "partnership_created",
  "partnership_updated",
  "partnership_group_updated",
  "partnership_tags_updated",
  "partnership_deleted",
  "customer_created",
  "customer_updated",
  "customer_deleted",
] as const;
type Event = (typeof EVENTS)[number];

export interface WebhookResult {
  event: string;
  key: string | null;
  /** `stale`: older than what is stored (a replay), so not applied. */
  outcome: "created" | "updated" | "unchanged" | "stale" | "ignored";
}

const envelope = z.object({
  event: z.string().optional(),
  type: z.string().optional(),
  event_type: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** Zod's first issues as invalid input naming the payload's fields. */
function refuse(error: z.ZodError, prefix: string): DomainError {
  return invalidFields(
    error.issues.slice(0, 5).map((issue) => ({
      field: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
      message: issue.message,
    })),
  );
}

/**
 * Applies one PartnerStack webhook to the program, in one transaction: partnerships and customers
 * upserted by key (the same code the import uses), deletions archived. Applying the same payload
 * twice leaves the same state ("unchanged" the second time). Events this app does not keep
 * (agreements, …) are "ignored", not refused, so PartnerStack does not retry them.
 */
export async function applyWebhook(
  prisma: PrismaClient,
  programId: number,
  body: unknown,
): Promise<WebhookResult> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidFields([{ field: "body", message: "must be a JSON object" }]);
  }
  const head = envelope.safeParse(body);
  if (!head.success) throw refuse(head.error, "");
  const name = (head.data.event ?? head.data.type ?? head.data.event_type ?? "").trim();
  if (!name) throw invalidFields([{ field: "event", message: "is missing" }]);
  const event = name.toLowerCase().replaceAll(".", "_");
  // The newer payloads wrap the object in `data`; the older put its fields beside `event`.
  const payload = head.data.data ?? body;
  const prefix = head.data.data ? "data" : "";
  if (!(EVENTS as readonly string[]).includes(event)) {
    return { event: name, key: null, outcome: "ignored" };
  }
  const known = event as Event;
  if (known.startsWith("partnership_")) {
    const parsed = sourcePartnership.safeParse(payload);
    if (!parsed.success) throw refuse(parsed.error, prefix);
    const partnership = parsed.data;
    const outcome = await prisma.$transaction((tx) =>
      known === "partnership_deleted"
        ? archivePartnership(tx, programId, partnership.partnerKey, partnership.updated_at)
        : storePartnership(tx, programId, partnership),
    );
    return { event: name, key: partnership.partnerKey, outcome };
  }
  const parsed = sourceCustomer.safeParse(payload);
  if (!parsed.success) throw refuse(parsed.error, prefix);
  const customer = parsed.data;
  const outcome = await prisma.$transaction((tx) =>
    known === "customer_deleted"
      ? archiveCustomer(tx, programId, customer.customerKey, customer.updated_at)
      : storeCustomer(tx, programId, customer),
  );
  if (outcome === "skipped") {
    const field = [prefix, customer.partner_key ? "partner_key" : "partnership_key"]
      .filter(Boolean)
      .join(".");
    throw new DomainError(
      "invalid",
      customer.partnerKey
        ? `No partnership with key "${customer.partnerKey}" in this program: the customer was not stored.`
        : "A new customer needs its partnership: send partner_key.",
      [{ field, message: customer.partnerKey ? "unknown partnership" : "is missing" }],
    );
  }
  return { event: name, key: customer.customerKey, outcome };
}
