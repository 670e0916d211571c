import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { FilterBar } from "@/components/stats/filters/filter-bar";
import { FilterWarnings } from "@/components/stats/filter-warnings";
import { TileSlot } from "@/components/stats/tile-slot";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canEditRewardRules } from "@/lib/programs/roles";
import { listRewardRules } from "@/lib/reward-rules/list-reward-rules";
import { loadRuleChoices } from "@/lib/reward-rules/load-rule-choices";
import { tryRuleChange } from "@/lib/rule-replay/try-rule-change";
import { describeTimeframe } from "@/lib/stats/timeframe/timeframe";
import { DraftForm } from "./_components/draft-form";
import { ReplayResults } from "./_components/replay-results";

export const metadata: Metadata = { title: "Try a rule change on history" };

export default async function TryRuleChangePage(props: ProgramPageProps) {
  const { slug, query, program, role, db, sources } = await openProgramPage(props);
  if (!canEditRewardRules(role)) forbidden();
  const { prisma } = db;
  const [tried, rules, { groups, actionTypes }] = await Promise.all([
    sources().then((s) => tryRuleChange(s, program, query)),
    listRewardRules(prisma, program.id),
    loadRuleChoices(prisma, program.id),
  ]);
  const { view, input, draft } = tried;
  const basePath = `/p/${slug}/reward-rules/try`;
  const search = new URLSearchParams(
    Object.entries({ ...input }).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  const fileQuery = [view.filterQuery, search].filter(Boolean).join("&");

  return (
    <section className="space-y-4">
      <PageHeader
        title="Try a rule change on history"
        description={
          <>
            Timeframe {describeTimeframe(view.filters.timeframe)}:{" "}
            <strong>{view.scope.rangeDescription}</strong>, times in {program.timezone}. Its actions
            are priced with the published rules and with your change; nothing is saved or paid.{" "}
            <Link href={`/p/${slug}/reward-rules`} className="text-blue-600 hover:underline">
              Back to the rules
            </Link>
          </>
        }
      />
      <FilterWarnings warnings={view.warnings} />
      <FilterBar
        applied={view.filters}
        options={view.options}
        timezone={program.timezone}
        rangeDescription={view.scope.rangeDescription}
        withTimescale={false}
      />
      <div className={`${cardClass} p-4`}>
        <h2 id="draft-heading" className="mb-3 font-medium">
          Your change
        </h2>
        <DraftForm
          action={basePath}
          filterQuery={view.filterQuery}
          input={input}
          refusal={draft.state === "refused" ? draft.refusal : null}
          rules={rules.map((r) => ({ id: r.id, name: r.name, active: r.active }))}
          groups={groups}
          actionTypes={actionTypes}
        />
      </div>
      {draft.state === "none" && (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Draft a new rule, a change to a rule or a rule switched off, then press “Try on history”.
        </p>
      )}
      {draft.state === "ready" && (
        <TileSlot title="Rules tried on history" height="h-96" viewKey={fileQuery}>
          <ReplayResults
            prisma={prisma}
            scope={view.scope}
            rules={draft.rules}
            currency={program.currency}
            csvHref={`${basePath}/export?${fileQuery}`}
          />
        </TileSlot>
      )}
    </section>
  );
}
