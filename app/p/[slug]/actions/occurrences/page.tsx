import type { Metadata } from "next";
import Link from "next/link";
import { AnalyticsFreshnessNotice } from "@/components/ui/analytics-freshness-notice";
import { DownloadMenu, exportLinks } from "../_components/download-menu";
import { DownloadStatus } from "../_components/download-status";
import { FilterWarnings } from "../_components/filter-warnings";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { loadTabView } from "@/lib/actions-tab/load-tab-view";
import { getDrillDown } from "@/lib/actions-tab/query/get-drill-down";
import { serializeTabUrl } from "@/lib/actions-tab/search-params";
import { openTabSources } from "@/lib/actions-tab/tab-sources";
import { describeTimeframe } from "@/lib/actions-tab/timeframe";
import { getAnalyticsFreshness } from "@/lib/analytics/get-analytics-freshness";
import { formatMoney } from "@/lib/format/format";
import { formatDateTime } from "@/lib/time/format";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { describeRewardOutcome } from "@/lib/rewards/describe-reward-outcome";
import { loadRuleNames } from "@/lib/rewards/load-rule-names";

export const metadata: Metadata = { title: "Occurrences" };

export default async function OccurrencesPage(props: ProgramPageProps) {
  const { slug, query, program, db } = await openProgramPage(props);
  const view = await loadTabView(await openTabSources(db), program, query);
  const { scope, filters, table, drill } = view;
  const [page, ruleNames, freshness] = await Promise.all([
    getDrillDown(scope, drill),
    loadRuleNames(db.prisma, program.id),
    getAnalyticsFreshness(db.prisma, view.analytics, program.id, scope.asOf),
  ]);
  const tabPath = `/p/${slug}/actions`;
  const backHref = serializeTabUrl(tabPath, { ...filters, ...table });
  const pageHref = (after: string | null) =>
    serializeTabUrl(`${tabPath}/occurrences`, { ...filters, ...table, ...drill, after });
  const selection = [
    drill.partner && `partner ${drill.partner}`,
    drill.type && `action type ${drill.type}`,
    drill.value !== null && `value ${drill.value}`,
  ]
    .filter(Boolean)
    .join(" · ");
  const ruleName = (id: number) => ruleNames.get(id) ?? `Rule ${id}`;

  return (
    <section className="space-y-4">
      <Link href={backHref} className="text-sm font-medium text-blue-600 hover:underline">
        ← Back to the Actions tab
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">
            <span data-testid="drill-total">{page.total.toLocaleString("en-US")}</span> action
            {page.total === 1 ? "" : "s"}
          </h1>
          <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
            {selection || "All actions matching the tab's filters"} · timeframe{" "}
            {describeTimeframe(filters.timeframe)} ({scope.rangeDescription}) · newest first · times
            in {program.timezone}
          </p>
        </div>
        <DownloadMenu
          label="these actions"
          links={exportLinks(
            tabPath,
            "actions",
            serializeTabUrl("", { ...filters, ...drill, after: null }).replace(/^\?/, ""),
          )}
        />
      </div>
      <FilterWarnings warnings={view.warnings} />
      <AnalyticsFreshnessNotice freshness={freshness} timezone={program.timezone} />
      <div className={`${cardClass} overflow-x-auto`}>
        {page.rows.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-500">
            {drill.after ? "No older actions." : "No actions match."}
          </p>
        ) : (
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>Date</th>
                <th className={thClass}>Partner name</th>
                <th className={thClass}>Partner email</th>
                <th className={thClass}>Customer email</th>
                <th className={thClass}>Action key</th>
                <th className={thClass}>Type</th>
                <th className={`${thClass} text-right`}>Value</th>
                <th className={`${thClass} min-w-64`}>Reward</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td className={`${tdClass} whitespace-nowrap`}>
                    {formatDateTime(row.occurredAt, program.timezone)}
                    {Math.abs(row.createdAt.getTime() - row.occurredAt.getTime()) > 60_000 && (
                      <span className="block text-xs text-gray-500">
                        received {formatDateTime(row.createdAt, program.timezone)}
                      </span>
                    )}
                  </td>
                  <td className={`${tdClass} whitespace-nowrap`}>{row.partnerName}</td>
                  <td className={tdClass}>{row.partnerEmail}</td>
                  <td className={tdClass}>{row.customerEmail ?? ""}</td>
                  <td className={`${tdClass} font-mono text-xs`}>{row.key}</td>
                  <td className={`${tdClass} font-mono text-xs`}>{row.actionType}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{row.actionValue}</td>
                  <td className={tdClass}>
                    {row.rewardCents > 0 && (
                      <span className="font-medium">
                        {formatMoney(row.rewardCents, program.currency)}{" "}
                      </span>
                    )}
                    <span
                      className={
                        row.rewardCents > 0 ? "text-gray-600 dark:text-gray-400" : "text-gray-500"
                      }
                    >
                      {describeRewardOutcome(row.rewardOutcome, ruleName)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <nav aria-label="Action pages" className="flex gap-4 text-sm">
        {drill.after && (
          <Link href={pageHref(null)} className="text-blue-600 hover:underline">
            ← Newest
          </Link>
        )}
        {page.nextAfter && (
          <Link href={pageHref(page.nextAfter)} className="text-blue-600 hover:underline">
            Older →
          </Link>
        )}
      </nav>
      <DownloadStatus />
    </section>
  );
}
