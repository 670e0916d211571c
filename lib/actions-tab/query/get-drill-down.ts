import "server-only";
import { getPrisma } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import type { RewardOutcome } from "../../rewards/evaluate-reward-rules";
import type { DrillSelection } from "../search-params";
import { matchingActions, type TabScope } from "./tab-scope";

export const DRILL_PAGE_SIZE = 50;

export interface DrillRow {
  id: string;
  key: string;
  occurredAt: Date;
  createdAt: Date;
  partnerName: string;
  partnerEmail: string;
  customerEmail: string | null;
  actionType: string;
  actionValue: number;
  rewardCents: number;
  rewardOutcome: RewardOutcome;
}

export interface DrillPage {
  rows: DrillRow[];
  /** Every matching action, across pages: equals the Occurrences number that was clicked. */
  total: number;
  /** Cursor of the next (older) page, or null on the last page. */
  nextAfter: string | null;
}

/** `<occurred_at ms>_<id>`: the position of the last row shown. */
export function parseDrillCursor(after: string | null): { at: Date; id: bigint } | null {
  const match = after ? /^(\d{1,15})_(\d{1,19})$/.exec(after) : null;
  return match ? { at: new Date(Number(match[1])), id: BigInt(match[2]) } : null;
}

function selectionSql(scope: TabScope, s: Pick<DrillSelection, "partner" | "type" | "value">) {
  const parts: Prisma.Sql[] = [];
  if (s.partner !== null) {
    parts.push(
      Prisma.sql`a.partnership_id = (SELECT id FROM partnerships WHERE program_id = ${scope.programId} AND partner_key = ${s.partner})`,
    );
  }
  if (s.type !== null) {
    parts.push(
      Prisma.sql`a.action_type_id = (SELECT id FROM action_types WHERE program_id = ${scope.programId} AND name = ${s.type})`,
    );
  }
  if (s.value !== null) parts.push(Prisma.sql`a.value = ${s.value}`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * The actions behind an occurrence count, newest first, keyset-paged on (occurred_at, id) so a
 * deep page costs what the first does. `pageSize: null` streams nothing but returns all rows
 * after the cursor in one go (used by exports in batches).
 */
export async function getDrillDown(
  scope: TabScope,
  selection: Pick<DrillSelection, "partner" | "type" | "value" | "after">,
  pageSize = DRILL_PAGE_SIZE,
  withTotal = true,
): Promise<DrillPage> {
  const prisma = await getPrisma();
  const { where } = matchingActions(scope);
  const from = Prisma.sql`actions a JOIN partnerships p ON p.program_id = a.program_id AND p.id = a.partnership_id`;
  const selected = selectionSql(scope, selection);
  const cursor = parseDrillCursor(selection.after);
  const after = cursor
    ? Prisma.sql`AND (a.occurred_at, a.id) < (${cursor.at}, ${cursor.id})`
    : Prisma.empty;
  const [rows, total] = await Promise.all([
    prisma.$queryRaw<(Omit<DrillRow, "id"> & { id: bigint })[]>`
      SELECT a.id, a.key, a.occurred_at AS "occurredAt", a.created_at AS "createdAt",
             (p.first_name || ' ' || p.last_name) AS "partnerName", p.email AS "partnerEmail",
             c.email AS "customerEmail", t.name AS "actionType", a.value AS "actionValue",
             a.reward_cents AS "rewardCents", a.reward_outcome AS "rewardOutcome"
      FROM ${from}
      JOIN action_types t ON t.program_id = a.program_id AND t.id = a.action_type_id
      LEFT JOIN customers c ON c.program_id = a.program_id AND c.id = a.customer_id
      WHERE ${where} ${selected} ${after}
      ORDER BY a.occurred_at DESC, a.id DESC
      LIMIT ${pageSize + 1}`,
    withTotal
      ? prisma.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM ${from} WHERE ${where} ${selected}`.then(([r]) => Number(r.n))
      : Promise.resolve(-1),
  ]);
  const page = rows.slice(0, pageSize).map((r) => ({ ...r, id: String(r.id) }));
  const last = page[page.length - 1];
  return {
    rows: page,
    total,
    nextAfter: rows.length > pageSize && last ? `${last.occurredAt.getTime()}_${last.id}` : null,
  };
}
