import type { ReactNode } from "react";
import { PhoneCard, PhoneCards } from "@/components/ui/phone-cards";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { bigMoneyFormatter, signed } from "@/lib/rule-replay/format-cents";
import type { ReplayReport } from "@/lib/rule-replay/replay-report";
import type { ReplayTotals } from "@/lib/stats/get-rule-replay";

/** Partnerships listed on screen; the CSV has them all. */
const SHOWN = 50;
const num = `${tdClass} text-right tabular-nums`;
const numHead = `${thClass} text-right`;

type Row = ReplayTotals & { key: number; leading: ReactNode[]; name: string };

/** Rows of a replay: what they are (`leading` columns), then affected actions and the money. */
function DifferenceTable({
  title,
  leading,
  rows,
  money,
}: {
  title: string;
  leading: string[];
  rows: Row[];
  money: (cents: bigint) => string;
}) {
  const diff = signed(money);
  const affected = (r: Row) =>
    `${r.affected.toLocaleString("en-US")} of ${r.actions.toLocaleString("en-US")}`;
  return (
    <>
      <PhoneCards label={title}>
        {rows.map((r) => (
          <PhoneCard
            key={r.key}
            title={r.name}
            first={diff(r.differenceCents)}
            subtitle={`${affected(r)} actions affected`}
            second={`${money(r.todayCents)} → ${money(r.draftCents)}`}
          />
        ))}
      </PhoneCards>
      <div className="relative hidden overflow-x-auto sm:block">
        <table className={tableClass}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {leading.map((label) => (
                <th key={label} className={thClass}>
                  {label}
                </th>
              ))}
              <th className={numHead}>Actions affected</th>
              <th className={numHead}>Today</th>
              <th className={numHead}>With the change</th>
              <th className={numHead}>Difference</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {rows.map((r) => (
              <tr key={r.key}>
                {r.leading.map((cell, i) => (
                  <td key={i} className={tdClass}>
                    {cell}
                  </td>
                ))}
                <td className={num}>{affected(r)}</td>
                <td className={num}>{money(r.todayCents)}</td>
                <td className={num}>{money(r.draftCents)}</td>
                <td className={num}>{diff(r.differenceCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The difference per group and per partnership (largest first), each in its own scroll box. */
export function ReplayTables({ report, currency }: { report: ReplayReport; currency: string }) {
  const money = bigMoneyFormatter(
    [...report.groups, ...report.changed].flatMap((r) => [r.todayCents, r.draftCents]),
    currency,
  );
  const shown = report.changed.slice(0, SHOWN);
  const groups = report.groups.map((g) => ({
    ...g,
    key: g.groupId,
    name: g.groupName,
    leading: [g.groupName],
  }));
  const partners = shown.map((p) => ({
    ...p,
    key: p.partnershipId,
    name: p.partnerName || p.partnerKey,
    leading: [
      <>
        <span className="block">{p.partnerName}</span>
        <span className="block font-mono text-xs text-gray-500">{p.partnerKey}</span>
      </>,
      p.groupName,
    ],
  }));
  return (
    <>
      <section aria-labelledby="replay-groups" className={cardClass}>
        <h3 id="replay-groups" className="px-3 pt-3 text-sm font-medium">
          By group
        </h3>
        <DifferenceTable title="By group" leading={["Group"]} rows={groups} money={money} />
      </section>
      <section aria-labelledby="replay-partners" className={cardClass}>
        <h3 id="replay-partners" className="px-3 pt-3 text-sm font-medium">
          By partner
        </h3>
        {shown.length === 0 ? (
          <p className="p-6 text-center text-sm text-gray-600 dark:text-gray-400">
            The change pays no partner differently on these actions.
          </p>
        ) : (
          <DifferenceTable
            title="By partner"
            leading={["Partner", "Group"]}
            rows={partners}
            money={money}
          />
        )}
        {report.changed.length > SHOWN && (
          <p className="px-3 pb-3 text-xs text-gray-600 dark:text-gray-400">
            The {SHOWN} largest differences of {report.changed.length.toLocaleString("en-US")}{" "}
            partners; the CSV lists them all.
          </p>
        )}
      </section>
    </>
  );
}
