import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { loadPageGroups } from "./page-groups";
import { sameTags, wantedTags, writePageTags } from "./page-tags";
import type { SourcePartnership } from "./source-records";
import { isStale, newestSourceTime, type StoreOutcome } from "./source-time";

type Tx = Prisma.TransactionClient;

/** A partnership as the page sees it: stored (id) or created by an earlier row (id null). */
interface Row {
  id: number | null;
  partnerKey: string;
  email: string;
  firstName: string;
  lastName: string;
  groupId: number;
  managerUserId: number | null;
  pendingManagerEmail: string | null;
  isMarketplace: boolean;
  joinedAt: Date | null;
  createdAt: Date | null;
  archivedAt: Date | null;
  sourceUpdatedAt: Date | null;
  tags: Set<string>;
  /** Its columns differ from what is stored: to be inserted or updated. */
  write: boolean;
  /** Its tags were set by a row of the page. */
  tagsSet: boolean;
}

/** The stored partnerships a page names, locked until the page commits (a webhook waits). */
async function loadStored(tx: Tx, programId: number, keys: string[]) {
  const rows = await tx.$queryRaw<
    (Omit<Row, "tags" | "write" | "tagsSet" | "id"> & { id: number; tags: string[] })[]
  >`
    SELECT p.id, p.partner_key AS "partnerKey", p.email, p.first_name AS "firstName",
           p.last_name AS "lastName", p.group_id AS "groupId", p.manager_user_id AS "managerUserId",
           p.pending_manager_email AS "pendingManagerEmail", p.is_marketplace AS "isMarketplace",
           p.joined_at AS "joinedAt", p.created_at AS "createdAt", p.archived_at AS "archivedAt",
           p.source_updated_at AS "sourceUpdatedAt",
           ARRAY(SELECT t.name FROM partnership_tags pt
                 JOIN tags t ON t.program_id = pt.program_id AND t.id = pt.tag_id
                 WHERE pt.program_id = p.program_id AND pt.partnership_id = p.id) AS tags
    FROM partnerships p
    WHERE p.program_id = ${programId} AND p.partner_key = ANY(${keys}::text[])
    ORDER BY p.partner_key
    FOR NO KEY UPDATE OF p`;
  return new Map<string, Row>(
    rows.map((r) => [r.partnerKey, { ...r, tags: new Set(r.tags), write: false, tagsSet: false }]),
  );
}

/** Members of the program by the (trimmed) emails asked for, compared case-insensitively. */
async function loadMembers(tx: Tx, programId: number, emails: string[]) {
  if (emails.length === 0) return new Map<string, number>();
  const found = await tx.$queryRaw<{ email: string; user_id: number }[]>`
    SELECT e.email, m.user_id
    FROM unnest(${emails}::text[]) AS e(email)
    JOIN users u ON lower(u.email) = lower(e.email)
    JOIN memberships m ON m.user_id = u.id
    WHERE m.program_id = ${programId}`;
  const byEmail = new Map<string, number>();
  for (const f of found) if (!byEmail.has(f.email)) byEmail.set(f.email, f.user_id);
  return byEmail;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const column = <T>(rows: Row[], pick: (row: Row) => T) => rows.map(pick);

/** The page's new partnerships in one statement, in page order; each row learns its id. */
async function insertNew(tx: Tx, programId: number, rows: Row[]) {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: Row) => T) => column(rows, pick);
  const inserted = await tx.$queryRaw<{ id: number; partner_key: string }[]>`
    INSERT INTO partnerships (program_id, partner_key, email, first_name, last_name, group_id,
                              manager_user_id, pending_manager_email, is_marketplace, joined_at,
                              created_at, archived_at, source_updated_at)
    SELECT ${programId}, u.partner_key, u.email, u.first_name, u.last_name, u.group_id,
           u.manager_user_id, u.pending_manager_email, u.is_marketplace,
           COALESCE(u.joined_at, now()), COALESCE(u.created_at, now()), u.archived_at,
           u.source_updated_at
    FROM unnest(
      ${col((r) => r.partnerKey)}::text[], ${col((r) => r.email)}::text[],
      ${col((r) => r.firstName)}::text[], ${col((r) => r.lastName)}::text[],
      ${col((r) => r.groupId)}::int[], ${col((r) => r.managerUserId)}::int[],
      ${col((r) => r.pendingManagerEmail)}::text[], ${col((r) => r.isMarketplace)}::boolean[],
      ${col((r) => iso(r.joinedAt))}::timestamptz[], ${col((r) => iso(r.createdAt))}::timestamptz[],
      ${col((r) => iso(r.archivedAt))}::timestamptz[],
      ${col((r) => iso(r.sourceUpdatedAt))}::timestamptz[]
    ) WITH ORDINALITY AS u(partner_key, email, first_name, last_name, group_id, manager_user_id,
                           pending_manager_email, is_marketplace, joined_at, created_at,
                           archived_at, source_updated_at, ord)
    ORDER BY u.ord
    RETURNING id, partner_key`;
  const ids = new Map(inserted.map((r) => [r.partner_key, r.id]));
  for (const row of rows) row.id = ids.get(row.partnerKey)!;
}

/** The page's changed partnerships in one statement (what a row leaves out keeps its value). */
async function updateStored(tx: Tx, programId: number, rows: Row[]) {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: Row) => T) => column(rows, pick);
  await tx.$executeRaw`
    UPDATE partnerships p
    SET email = u.email, first_name = u.first_name, last_name = u.last_name,
        group_id = u.group_id, manager_user_id = u.manager_user_id,
        pending_manager_email = u.pending_manager_email, is_marketplace = u.is_marketplace,
        archived_at = u.archived_at, source_updated_at = u.source_updated_at, updated_at = now()
    FROM unnest(
      ${col((r) => r.id)}::int[], ${col((r) => r.email)}::text[],
      ${col((r) => r.firstName)}::text[], ${col((r) => r.lastName)}::text[],
      ${col((r) => r.groupId)}::int[], ${col((r) => r.managerUserId)}::int[],
      ${col((r) => r.pendingManagerEmail)}::text[], ${col((r) => r.isMarketplace)}::boolean[],
      ${col((r) => iso(r.archivedAt))}::timestamptz[],
      ${col((r) => iso(r.sourceUpdatedAt))}::timestamptz[]
    ) AS u(id, email, first_name, last_name, group_id, manager_user_id, pending_manager_email,
           is_marketplace, archived_at, source_updated_at)
    WHERE p.program_id = ${programId} AND p.id = u.id`;
}

/**
 * A page of partnerships from the source, by partner_key, with the outcome of each row as if the
 * rows were stored one after another: created, or changed where the source says otherwise
 * (fields it leaves out keep their value), unchanged, or stale (older than what is stored, not
 * applied). A manager who is not a member yet waits by email (assigned when they join); `tags`,
 * when given, become exactly the partnership's tags; a group not seen yet is created. Reads the
 * stored rows, groups and members once, works the page out in memory, then writes it with a few
 * set-based statements. A webhook is a page of one.
 */
export async function storePartnerships(
  tx: Tx,
  programId: number,
  sources: SourcePartnership[],
): Promise<StoreOutcome[]> {
  if (sources.length === 0) return [];
  const now = new Date();
  const stored = await loadStored(tx, programId, [...new Set(sources.map((s) => s.partnerKey))]);
  // Only a row naming a group, or creating its partnership, looks one up.
  const groups = await loadPageGroups(
    tx,
    programId,
    sources.filter((s) => s.group || !stored.has(s.partnerKey)).map((s) => s.group),
  );
  const members = await loadMembers(tx, programId, [
    ...new Set(sources.flatMap((s) => (s.manager_email ? [s.manager_email.trim()] : []))),
  ]);
  const tagsBefore = new Map([...stored].map(([key, row]) => [key, new Set(row.tags)]));
  const rows = stored;
  const tagNames = new Set<string>();
  const at = (ms: number | null | undefined) => (ms == null ? null : new Date(ms));

  const outcomes = sources.map((source): StoreOutcome => {
    const current = rows.get(source.partnerKey);
    if (isStale(source.updated_at, current?.sourceUpdatedAt)) return "stale";
    const sourceUpdatedAt = newestSourceTime(source.updated_at, current?.sourceUpdatedAt);
    const groupId = source.group || !current ? groups.resolve(source.group) : current.groupId;
    const email = source.manager_email?.trim();
    const manager =
      source.manager_email !== undefined
        ? email
          ? (members.get(email) ?? null)
          : null
        : (current?.managerUserId ?? null);
    const pendingManagerEmail =
      source.manager_email !== undefined
        ? manager === null && source.manager_email
          ? source.manager_email.trim().toLowerCase()
          : null
        : (current?.pendingManagerEmail ?? null);
    const archived = source.archived ?? (current ? current.archivedAt !== null : false);
    const fields = {
      email: source.email ?? current?.email ?? "",
      firstName: source.first_name ?? current?.firstName ?? "",
      lastName: source.last_name ?? current?.lastName ?? "",
      groupId,
      managerUserId: manager,
      pendingManagerEmail,
      isMarketplace: source.is_marketplace ?? current?.isMarketplace ?? false,
    };
    const wanted = source.tags ? wantedTags(source.tags) : null;
    wanted?.forEach((name) => tagNames.add(name));
    if (!current) {
      rows.set(source.partnerKey, {
        id: null,
        partnerKey: source.partnerKey,
        ...fields,
        joinedAt: at(source.joined_at ?? source.created_at),
        createdAt: at(source.created_at),
        archivedAt: archived ? (at(source.updated_at) ?? now) : null,
        sourceUpdatedAt,
        tags: new Set(wanted ?? []),
        write: true,
        tagsSet: wanted !== null,
      });
      return "created";
    }
    const changed =
      fields.email !== current.email ||
      fields.firstName !== current.firstName ||
      fields.lastName !== current.lastName ||
      fields.groupId !== current.groupId ||
      fields.managerUserId !== current.managerUserId ||
      fields.pendingManagerEmail !== current.pendingManagerEmail ||
      fields.isMarketplace !== current.isMarketplace ||
      archived !== (current.archivedAt !== null);
    if (changed || sourceUpdatedAt?.getTime() !== current.sourceUpdatedAt?.getTime()) {
      Object.assign(current, fields, {
        archivedAt: archived ? (current.archivedAt ?? now) : null,
        sourceUpdatedAt,
        write: true,
      });
    }
    const tagsChanged = wanted !== null && !sameTags(current.tags, wanted);
    if (tagsChanged) Object.assign(current, { tags: new Set(wanted), tagsSet: true });
    return changed || tagsChanged ? "updated" : "unchanged";
  });

  const groupIds = await groups.create();
  const written = [...rows.values()].filter((r) => r.write);
  for (const row of written) row.groupId = groupIds.get(row.groupId) ?? row.groupId;
  const changedStored = written.filter((r) => r.id !== null);
  await insertNew(
    tx,
    programId,
    written.filter((r) => r.id === null),
  );
  await updateStored(tx, programId, changedStored);
  await writePageTags(
    tx,
    programId,
    tagNames,
    [...rows.values()]
      .filter((r) => r.tagsSet)
      .map((r) => ({
        partnershipId: r.id!,
        before: tagsBefore.get(r.partnerKey) ?? new Set<string>(),
        after: r.tags,
      })),
  );
  return outcomes;
}
