import "server-only";
import { getDatabase } from "../../../db/client";
import { inlineSql } from "../../../db/inline-sql";
import { Prisma } from "../../../generated/prisma/client";
import type { TableState } from "../../search-params";
import type { Selection } from "../tab-engine";
import type { TabScope } from "../tab-scope";
import { pgCell, pgIso, pgMoney, pgRewardReason } from "./pg-csv-cells";
import { DRILL_FROM, drillSelection } from "./pg-drill-down";
import { matchingActions } from "./matching-actions";
import { orderedOccurrences } from "./pg-occurrences";

async function* copy(sql: Prisma.Sql, timeZone: string): AsyncGenerator<Uint8Array> {
  const db = await getDatabase();
  yield* db.copyCsv(inlineSql(sql), timeZone);
}

/** The whole occurrences table in the screen's order, as CSV lines written by COPY. */
export function pgOccurrenceCsv(scope: TabScope, table: Pick<TableState, "sort" | "dir">) {
  const columns = Prisma.sql`SELECT ${pgCell(Prisma.sql`(p.first_name || ' ' || p.last_name)`)},
    ${pgCell(Prisma.sql`p.email`)}, ${pgCell(Prisma.sql`p.partner_key`)}, ${pgCell(Prisma.sql`t.name`)},
    g.value, g.occurrences, ${pgMoney(Prisma.sql`g.reward_cents`)}`;
  return copy(orderedOccurrences(scope, table, columns), scope.timezone);
}

/** Every matching action of a selection, newest first, as CSV lines written by COPY. */
export function pgDrillCsv(scope: TabScope, selection: Selection, ruleNames: Map<number, string>) {
  const { where } = matchingActions(scope);
  const sql = Prisma.sql`
    SELECT ${pgIso(Prisma.sql`a.occurred_at`)}, ${pgIso(Prisma.sql`a.created_at`)},
           ${pgCell(Prisma.sql`(p.first_name || ' ' || p.last_name)`)}, ${pgCell(Prisma.sql`p.email`)},
           ${pgCell(Prisma.sql`coalesce(c.email, '')`)}, ${pgCell(Prisma.sql`a.key`)},
           ${pgCell(Prisma.sql`t.name`)}, a.value, ${pgMoney(Prisma.sql`a.reward_cents`)},
           ${pgCell(pgRewardReason(Prisma.sql`a.reward_outcome`, ruleNames))}
    FROM ${DRILL_FROM}
    JOIN action_types t ON t.program_id = a.program_id AND t.id = a.action_type_id
    LEFT JOIN customers c ON c.program_id = a.program_id AND c.id = a.customer_id
    WHERE ${where} ${drillSelection(scope, selection)}
    ORDER BY a.occurred_at DESC, a.id DESC`;
  return copy(sql, scope.timezone);
}
