import "server-only";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { AUDIT_KINDS, auditFamily } from "./audit-kinds";
import { AUDIT_PAGE_SIZE, type AuditCursor, type AuditFilters } from "./audit-params";

export interface AuditEventRow {
  id: bigint;
  createdAt: Date;
  actorUserId: number | null;
  actorLabel: string;
  kind: string;
  summary: string;
  details: unknown;
}

export interface AuditPage {
  /** Newest first. */
  events: AuditEventRow[];
  /** More entries older than the last one / newer than the first one (under the same filters). */
  hasOlder: boolean;
  hasNewer: boolean;
  /** The cursor named an entry this program's log does not hold: the newest page is shown. */
  cursorMissing: boolean;
}

/** The WHERE conditions of a filter set, after `program_id`. */
function filterSql(filters: AuditFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const person = filters.person;
  if (person && "userId" in person) parts.push(Prisma.sql`AND actor_user_id = ${person.userId}`);
  if (person && "system" in person) {
    parts.push(Prisma.sql`AND actor_user_id IS NULL AND actor_label = ${person.system}`);
  }
  if (filters.family) {
    const kinds = AUDIT_KINDS.filter((k) => auditFamily(k) === filters.family);
    parts.push(Prisma.sql`AND kind = ANY(${kinds}::text[])`);
  }
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * One page of a program's audit log, newest first, keyset-paged on (created_at, id): `after` an
 * entry reads the older ones, `before` it the newer ones, so a page costs the same however deep,
 * and entries written meanwhile move no page boundary. Going newer up to the top gives the
 * newest page itself.
 */
export async function listAuditEvents(
  prisma: PrismaClient | Prisma.TransactionClient,
  programId: number,
  filters: AuditFilters,
  cursor: AuditCursor,
  limit = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  let position: { created_at: Date; id: bigint } | undefined;
  if (cursor) {
    [position] = await prisma.$queryRaw<{ created_at: Date; id: bigint }[]>`
      SELECT created_at, id FROM audit_events WHERE program_id = ${programId} AND id = ${cursor.id}`;
  }
  const newer = position !== undefined && cursor?.direction === "before";
  let keyset = Prisma.empty;
  if (position) {
    keyset = newer
      ? Prisma.sql`AND (created_at, id) > (${position.created_at}, ${position.id})`
      : Prisma.sql`AND (created_at, id) < (${position.created_at}, ${position.id})`;
  }
  const order = newer
    ? Prisma.sql`ORDER BY created_at ASC, id ASC`
    : Prisma.sql`ORDER BY created_at DESC, id DESC`;
  const rows = await prisma.$queryRaw<
    {
      id: bigint;
      created_at: Date;
      actor_user_id: number | null;
      actor_label: string;
      kind: string;
      summary: string;
      details: unknown;
    }[]
  >`
    SELECT id, created_at, actor_user_id, actor_label, kind, summary, details
    FROM audit_events
    WHERE program_id = ${programId} ${filterSql(filters)} ${keyset}
    ${order}
    LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  // Back at the top: the newest page as it opens, not fewer entries aligned to the cursor.
  if (newer && !more) return listAuditEvents(prisma, programId, filters, null, limit);
  const page = rows.slice(0, limit).map((r): AuditEventRow => ({
    id: BigInt(r.id),
    createdAt: r.created_at,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    kind: r.kind,
    summary: r.summary,
    details: r.details,
  }));
  if (newer) page.reverse();
  // Behind the cursor (its own entry included): is there anything to go back to?
  let behind = false;
  if (position) {
    const side = newer
      ? Prisma.sql`(created_at, id) <= (${position.created_at}, ${position.id})`
      : Prisma.sql`(created_at, id) >= (${position.created_at}, ${position.id})`;
    const [{ found }] = await prisma.$queryRaw<{ found: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM audit_events
        WHERE program_id = ${programId} ${filterSql(filters)} AND ${side}) AS found`;
    behind = found;
  }
  return {
    events: page,
    hasOlder: newer ? behind : more,
    hasNewer: newer ? more : behind,
    cursorMissing: cursor !== null && position === undefined,
  };
}
