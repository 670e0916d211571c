import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { SourceCustomer } from "./source-records";
import { isStale, newestSourceTime, type StoreOutcome } from "./source-time";

type Tx = Prisma.TransactionClient;

/** JSON with object keys sorted, to compare two values whatever order their keys came in. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** A customer as the page sees it: stored (id) or created by an earlier row (id null). */
interface Row {
  id: number | null;
  customerKey: string;
  email: string | null;
  name: string | null;
  partnershipId: number;
  meta: unknown;
  createdAt: Date | null;
  archivedAt: Date | null;
  sourceUpdatedAt: Date | null;
  /** Differs from what is stored: to be inserted or updated. */
  write: boolean;
}

/** The stored customers a page names, locked until the page commits (a webhook waits). */
async function loadStored(tx: Tx, programId: number, keys: string[]) {
  const rows = await tx.$queryRaw<Omit<Row, "write">[]>`
    SELECT c.id, c.customer_key AS "customerKey", c.email, c.name,
           c.partnership_id AS "partnershipId", c.meta, c.created_at AS "createdAt",
           c.archived_at AS "archivedAt", c.source_updated_at AS "sourceUpdatedAt"
    FROM customers c
    WHERE c.program_id = ${programId} AND c.customer_key = ANY(${keys}::text[])
    ORDER BY c.customer_key
    FOR NO KEY UPDATE OF c`;
  return new Map<string, Row>(rows.map((r) => [r.customerKey, { ...r, write: false }]));
}

/** Partnership ids by the partner keys a page names. */
async function loadPartnerships(tx: Tx, programId: number, keys: string[]) {
  if (keys.length === 0) return new Map<string, number>();
  const found = await tx.$queryRaw<{ key: string; id: number }[]>`
    SELECT partner_key AS key, id FROM partnerships
    WHERE program_id = ${programId} AND partner_key = ANY(${keys}::text[])`;
  return new Map(found.map((p) => [p.key, p.id]));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const column = <T>(rows: Row[], pick: (row: Row) => T) => rows.map(pick);

async function insertNew(tx: Tx, programId: number, rows: Row[]) {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: Row) => T) => column(rows, pick);
  await tx.$executeRaw`
    INSERT INTO customers (program_id, customer_key, email, name, partnership_id, meta, created_at,
                           archived_at, source_updated_at)
    SELECT ${programId}, u.customer_key, u.email, u.name, u.partnership_id, u.meta::jsonb,
           COALESCE(u.created_at, now()), u.archived_at, u.source_updated_at
    FROM unnest(
      ${col((r) => r.customerKey)}::text[], ${col((r) => r.email)}::text[],
      ${col((r) => r.name)}::text[], ${col((r) => r.partnershipId)}::int[],
      ${col((r) => JSON.stringify(r.meta))}::text[], ${col((r) => iso(r.createdAt))}::timestamptz[],
      ${col((r) => iso(r.archivedAt))}::timestamptz[],
      ${col((r) => iso(r.sourceUpdatedAt))}::timestamptz[]
    ) WITH ORDINALITY AS u(customer_key, email, name, partnership_id, meta, created_at,
                           archived_at, source_updated_at, ord)
    ORDER BY u.ord`;
}

async function updateStored(tx: Tx, programId: number, rows: Row[]) {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: Row) => T) => column(rows, pick);
  await tx.$executeRaw`
    UPDATE customers c
    SET email = u.email, name = u.name, partnership_id = u.partnership_id, meta = u.meta::jsonb,
        archived_at = u.archived_at, source_updated_at = u.source_updated_at, updated_at = now()
    FROM unnest(
      ${col((r) => r.id)}::int[], ${col((r) => r.email)}::text[], ${col((r) => r.name)}::text[],
      ${col((r) => r.partnershipId)}::int[], ${col((r) => JSON.stringify(r.meta))}::text[],
      ${col((r) => iso(r.archivedAt))}::timestamptz[],
      ${col((r) => iso(r.sourceUpdatedAt))}::timestamptz[]
    ) AS u(id, email, name, partnership_id, meta, archived_at, source_updated_at)
    WHERE c.program_id = ${programId} AND c.id = u.id`;
}

/**
 * A page of customers from the source, by customer_key, with the outcome of each row as if the
 * rows were stored one after another: created or changed (fields left out keep their value),
 * unchanged, stale (older than what is stored), or "skipped" when its partnership is not here
 * (yet): attribution is the one thing a customer cannot lack. Reads once, works the page out in
 * memory, writes it with one INSERT and one UPDATE. A webhook is a page of one.
 */
export async function storeCustomers(
  tx: Tx,
  programId: number,
  sources: SourceCustomer[],
): Promise<(StoreOutcome | "skipped")[]> {
  if (sources.length === 0) return [];
  const now = new Date();
  const rows = await loadStored(tx, programId, [...new Set(sources.map((s) => s.customerKey))]);
  const partnerships = await loadPartnerships(tx, programId, [
    ...new Set(sources.flatMap((s) => (s.partnerKey ? [s.partnerKey] : []))),
  ]);

  const outcomes = sources.map((source): StoreOutcome | "skipped" => {
    const current = rows.get(source.customerKey);
    if (isStale(source.updated_at, current?.sourceUpdatedAt)) return "stale";
    const sourceUpdatedAt = newestSourceTime(source.updated_at, current?.sourceUpdatedAt);
    let partnershipId = current?.partnershipId;
    if (source.partnerKey) {
      partnershipId = partnerships.get(source.partnerKey);
      if (partnershipId === undefined) return "skipped";
    }
    if (partnershipId === undefined) return "skipped";
    const archived = source.archived ?? (current ? current.archivedAt !== null : false);
    const fields = {
      email: source.email !== undefined ? source.email : (current?.email ?? null),
      name: source.name !== undefined ? source.name : (current?.name ?? null),
      partnershipId,
      meta: source.meta ?? current?.meta ?? {},
    };
    if (!current) {
      rows.set(source.customerKey, {
        id: null,
        customerKey: source.customerKey,
        ...fields,
        createdAt: source.created_at == null ? null : new Date(source.created_at),
        archivedAt: archived ? new Date(source.updated_at ?? now.getTime()) : null,
        sourceUpdatedAt,
        write: true,
      });
      return "created";
    }
    const changed =
      fields.email !== current.email ||
      fields.name !== current.name ||
      fields.partnershipId !== current.partnershipId ||
      stable(fields.meta) !== stable(current.meta) ||
      archived !== (current.archivedAt !== null);
    const newer = sourceUpdatedAt?.getTime() !== current.sourceUpdatedAt?.getTime();
    if (!changed && !newer) return "unchanged";
    Object.assign(current, fields, {
      archivedAt: archived ? (current.archivedAt ?? now) : null,
      sourceUpdatedAt,
      write: true,
    });
    return changed ? "updated" : "unchanged";
  });

  const written = [...rows.values()].filter((r) => r.write);
  await insertNew(
    tx,
    programId,
    written.filter((r) => r.id === null),
  );
  await updateStored(
    tx,
    programId,
    written.filter((r) => r.id !== null),
  );
  return outcomes;
}
