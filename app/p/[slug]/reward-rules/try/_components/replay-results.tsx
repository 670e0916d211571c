import { cardClass } from "@/components/ui/styles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RuleForEvaluation } from "@/lib/rewards/evaluate-reward-rules";
import { bigMoneyFormatter, signed } from "@/lib/rule-replay/format-cents";
import { loadReplayReport } from "@/lib/rule-replay/replay-report";
import type { TabScope } from "@/lib/stats/scope";
import { ReplayTables } from "./replay-tables";

/** The draft's effect: totals, per group and per partnership, and the CSV of the latter. */
export async function ReplayResults({
  prisma,
  scope,
  rules,
  currency,
  csvHref,
}: {
  prisma: PrismaClient;
  scope: TabScope;
  rules: { today: RuleForEvaluation[]; draft: RuleForEvaluation[] };
  currency: string;
  csvHref: string;
}) {
  const report = await loadReplayReport(prisma, scope, rules);
  const { totals } = report;
  if (totals.actions === 0) {
    return (
      <p className={`${cardClass} p-8 text-center text-sm text-gray-600 dark:text-gray-400`}>
        No actions in this timeframe and these filters: there is nothing to try the change on.
        Choose a longer timeframe or fewer filters.
      </p>
    );
  }
  const money = bigMoneyFormatter(
    [totals.recordedCents, totals.todayCents, totals.draftCents],
    currency,
  );
  const tiles = [
    { label: "Rewards today", value: money(totals.todayCents), id: "today" },
    { label: "With the change", value: money(totals.draftCents), id: "draft" },
    { label: "Difference", value: signed(money)(totals.differenceCents), id: "difference" },
    {
      label: "Actions affected",
      value: `${totals.affected.toLocaleString("en-US")} of ${totals.actions.toLocaleString("en-US")}`,
      id: "affected",
    },
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {tiles.map((t) => (
          <div key={t.id} className={`${cardClass} min-w-0 p-3`} data-testid={`replay-${t.id}`}>
            <dt className="text-xs text-gray-600 dark:text-gray-400">{t.label}</dt>
            <dd className="break-words text-lg font-semibold tabular-nums">{t.value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-gray-600 dark:text-gray-400">
        “Today” is the published rules applied to these actions now, with each partner’s group as it
        is now, so the difference is your change alone. The rewards actually recorded on these
        actions, when they arrived under the rules of the time, were{" "}
        <strong data-testid="replay-recorded">{money(totals.recordedCents)}</strong>.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <a href={csvHref} download className="text-sm text-blue-600 hover:underline">
          Download the difference per partner (CSV)
        </a>
      </div>
      <ReplayTables report={report} currency={currency} />
    </div>
  );
}
