import Link from "next/link";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { getOccurrenceTable } from "@/lib/stats/get-occurrence-table";
import { getSummary } from "@/lib/stats/get-summary";
import type { TabScope } from "@/lib/stats/scope";
import { serializeTabUrl } from "@/lib/stats/url/search-params";
import { moneyFormatter } from "@/lib/format/format";
import { PhoneCard, PhoneCards } from "@/components/ui/phone-cards";
import type { OccurrenceRow } from "@/lib/stats/engine";

/** Rows shown; a partner with more type × value combinations is seen whole in the drill-down. */
const LIMIT = 100;

/** A row's count, opening the drill-down of its actions. */
function OccurrencesLink({ row, href }: { row: OccurrenceRow; href: string }) {
  return (
    <Link
      href={href}
      className="text-blue-600 hover:underline"
      aria-label={`${row.occurrences} ${row.actionType} actions of value ${row.actionValue}: see them`}
    >
      {row.occurrences.toLocaleString("en-US")}
    </Link>
  );
}

/**
 * The partner's actions by type and value in the timeframe — the Actions tab's table for this
 * partner — each count opening the drill-down of its actions.
 */
export async function PartnerOccurrences({
  scope,
  partnerKey,
  tabPath,
  currency,
}: {
  scope: TabScope;
  partnerKey: string;
  tabPath: string;
  currency: string;
}) {
  const [table, { current }] = await Promise.all([
    getOccurrenceTable(scope, { sort: "occurrences", dir: "desc", page: 1 }, LIMIT),
    getSummary(scope),
  ]);
  const money = moneyFormatter(
    [...table.rows.map((r) => r.rewardCents), current.rewardCents],
    currency,
  );
  const drill = (row: { actionType?: string; actionValue?: number }) =>
    serializeTabUrl(`${tabPath}/occurrences`, {
      ...scope.filters,
      partner: partnerKey,
      type: row.actionType,
      value: row.actionValue,
    });
  return (
    <section aria-label="Actions by type and value" className={`${cardClass} p-4`}>
      <h2 className="text-sm font-medium text-gray-600 dark:text-gray-300">
        Actions by type and value
      </h2>
      {table.totalRows === 0 ? (
        <p className="py-8 text-center text-sm text-gray-500">
          No actions of this partner in this timeframe.
        </p>
      ) : (
        <div className="mt-2">
          <PhoneCards label="Actions by type and value">
            {table.rows.map((row) => (
              <PhoneCard
                key={`${row.actionType}|${row.actionValue}`}
                title={<span className="font-mono text-xs">{row.actionType}</span>}
                first={
                  <>
                    <OccurrencesLink row={row} href={drill(row)} />
                    <span className="text-xs text-gray-500"> occurrences</span>
                  </>
                }
                subtitle={`value ${row.actionValue.toLocaleString("en-US")}`}
                second={money(row.rewardCents)}
              />
            ))}
            <PhoneCard
              testId="card-totals"
              title={<strong>Total</strong>}
              first={
                <Link href={drill({})} className="font-semibold text-blue-600 hover:underline">
                  {current.occurrences.toLocaleString("en-US")}
                </Link>
              }
              second={
                <strong className="text-gray-900 dark:text-gray-100">
                  {money(current.rewardCents)}
                </strong>
              }
            />
          </PhoneCards>
          <div className="relative hidden overflow-x-auto sm:block">
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>
                    Action type
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    Value
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    Occurrences
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    Rewards
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
                {table.rows.map((row) => (
                  <tr key={`${row.actionType}|${row.actionValue}`}>
                    <th scope="row" className={`${tdClass} text-left font-normal`}>
                      {row.actionType}
                    </th>
                    <td className={`${tdClass} text-right tabular-nums`}>
                      {row.actionValue.toLocaleString("en-US")}
                    </td>
                    <td className={`${tdClass} text-right tabular-nums`}>
                      <OccurrencesLink row={row} href={drill(row)} />
                    </td>
                    <td className={`${tdClass} text-right tabular-nums`}>
                      {money(row.rewardCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t border-gray-200 font-semibold dark:border-gray-700">
                  <th scope="row" className={`${tdClass} text-left`}>
                    Total
                  </th>
                  <td className={tdClass} />
                  <td className={`${tdClass} text-right tabular-nums`}>
                    <Link href={drill({})} className="text-blue-600 hover:underline">
                      {current.occurrences.toLocaleString("en-US")}
                    </Link>
                  </td>
                  <td className={`${tdClass} text-right tabular-nums`}>
                    {money(current.rewardCents)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          {table.totalRows > table.rows.length && (
            <p className="mt-2 text-xs text-gray-500">
              The {table.rows.length} most frequent of {table.totalRows.toLocaleString("en-US")}{" "}
              combinations; the drill-down lists every action.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
