import "server-only";
import { inlineSql } from "../../db/inline-sql";
import type { OpenDatabase } from "../../db/open";
import { Prisma } from "../../generated/prisma/client";
import type { TableState } from "../url/search-params";
import type { DrillOrder, Selection } from "../engine";
import type { TabScope } from "../scope";
import { PG_CELLS, type PgCells } from "./pg-csv-cells";
import { DRILL_FROM, drillOrderBy, drillSelection, PROPERTIES_CELL } from "./pg-drill-down";
import { matchingActions } from "./matching-actions";
import { orderedOccurrences } from "./pg-occurrences";

function copy(db: OpenDatabase, sql: Prisma.Sql, timeZone: string): AsyncGenerator<Uint8Array> {
  return db.copyCsv(inlineSql(sql), timeZone);
}

/** The whole occurrences table in the screen's order, as CSV lines written by COPY. */
export function pgOccurrenceCsv(
  db: OpenDatabase,
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  c: PgCells = PG_CELLS,
) {
  const columns = Prisma.sql`SELECT ${c.text(Prisma.sql`(p.first_name || ' ' || p.last_name)`)},
    ${c.text(Prisma.sql`p.email`)}, ${c.text(Prisma.sql`p.partner_key`)}, ${c.text(Prisma.sql`t.name`)},
    g.value, g.occurrences, ${c.money(Prisma.sql`g.reward_cents`)}
    ${
      scope.previous
        ? Prisma.sql`, g.previous_occurrences, g.occurrences - g.previous_occurrences,
          ${c.money(Prisma.sql`g.previous_reward_cents`)},
          ${c.money(Prisma.sql`(g.reward_cents - g.previous_reward_cents)`)}`
        : Prisma.empty
    }`;
  return copy(db, orderedOccurrences(scope, table, columns), scope.timezone);
}

/** Every matching action of a selection in the screen's order, as CSV lines written by COPY. */
export function pgDrillCsv(
  db: OpenDatabase,
  scope: TabScope,
  selection: Selection,
  order: DrillOrder,
  ruleNames: Map<number, string>,
  c: PgCells = PG_CELLS,
) {
  const { where } = matchingActions(scope);
  const sql = Prisma.sql`
    SELECT ${c.iso(Prisma.sql`a.occurred_at`)}, ${c.iso(Prisma.sql`a.created_at`)},
           ${c.text(Prisma.sql`(p.first_name || ' ' || p.last_name)`)}, ${c.text(Prisma.sql`p.email`)},
           ${c.text(Prisma.sql`coalesce(c.email, '')`)}, ${c.text(Prisma.sql`a.key`)},
           ${c.text(Prisma.sql`t.name`)}, a.value, ${c.money(Prisma.sql`a.reward_cents`)},
           ${c.text(c.reason(Prisma.sql`a.reward_outcome`, ruleNames))}, ${c.text(PROPERTIES_CELL)}
    FROM ${DRILL_FROM}
    JOIN action_types t ON t.program_id = a.program_id AND t.id = a.action_type_id
    LEFT JOIN customers c ON c.program_id = a.program_id AND c.id = a.customer_id
    WHERE ${where} ${drillSelection(scope, selection)}
    ${drillOrderBy(order)}`;
  return copy(db, sql, scope.timezone);
}
