import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { bigMoneyFormatter, signed } from "@/lib/rule-replay/format-cents";
import type { ReplayReport } from "@/lib/rule-replay/replay-report";

/** Partnerships listed on screen; the CSV has them all. */
const SHOWN = 50;
const num = `${tdClass} text-right tabular-nums`;
const numHead = `${thClass} text-right`;

/** The difference per group and per partnership (largest first), each in its own scroll box. */
export function ReplayTables({ report, currency }: { report: ReplayReport; currency: string }) {
  const money = bigMoneyFormatter(
    [...report.groups, ...report.changed].flatMap((r) => [r.todayCents, r.draftCents]),
    currency,
  );
  const diff = signed(money);
  const shown = report.changed.slice(0, SHOWN);
  return (
    <>
      <section aria-labelledby="replay-groups" className={cardClass}>
        <h3 id="replay-groups" className="px-3 pt-3 text-sm font-medium">
          By group
        </h3>
        <div className="relative overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>Group</th>
                <th className={numHead}>Actions affected</th>
                <th className={numHead}>Today</th>
                <th className={numHead}>With the change</th>
                <th className={numHead}>Difference</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
              {report.groups.map((g) => (
                <tr key={g.groupId}>
                  <td className={tdClass}>{g.groupName}</td>
                  <td className={num}>
                    {g.affected.toLocaleString("en-US")} of {g.actions.toLocaleString("en-US")}
                  </td>
                  <td className={num}>{money(g.todayCents)}</td>
                  <td className={num}>{money(g.draftCents)}</td>
                  <td className={num}>{diff(g.differenceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
          <div className="relative overflow-x-auto">
            <table className={tableClass}>
              <thead>
                <tr>
                  <th className={thClass}>Partner</th>
                  <th className={thClass}>Group</th>
                  <th className={numHead}>Actions affected</th>
                  <th className={numHead}>Today</th>
                  <th className={numHead}>With the change</th>
                  <th className={numHead}>Difference</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
                {shown.map((p) => (
                  <tr key={p.partnershipId}>
                    <td className={tdClass}>
                      <span className="block">{p.partnerName}</span>
                      <span className="block font-mono text-xs text-gray-500">{p.partnerKey}</span>
                    </td>
                    <td className={tdClass}>{p.groupName}</td>
                    <td className={num}>
                      {p.affected.toLocaleString("en-US")} of {p.actions.toLocaleString("en-US")}
                    </td>
                    <td className={num}>{money(p.todayCents)}</td>
                    <td className={num}>{money(p.draftCents)}</td>
                    <td className={num}>{diff(p.differenceCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
