import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import {
  cardClass,
  secondaryButtonClass,
  tableClass,
  tdClass,
  thClass,
} from "@/components/ui/styles";
import { moneyFormatter } from "@/lib/format/format";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canEditRewardRules } from "@/lib/programs/roles";
import { listRewardRules } from "@/lib/reward-rules/list-reward-rules";
import { loadRuleChoices } from "@/lib/reward-rules/load-rule-choices";
import { tryChangeQuery } from "@/lib/rule-replay/try-change-query";
import { RewardRuleForm } from "./_components/reward-rule-form";

export const metadata: Metadata = { title: "Reward rules" };

export default async function RewardRulesPage(props: ProgramPageProps) {
  const { slug, query, program, role, db } = await openProgramPage(props);
  const editable = canEditRewardRules(role);
  const { prisma } = db;
  const [rules, { groups, actionTypes }] = await Promise.all([
    listRewardRules(prisma, program.id),
    loadRuleChoices(prisma, program.id),
  ]);
  const money = moneyFormatter(
    rules.map((r) => r.amountCents),
    program.currency,
  );
  const editId = typeof query.edit === "string" ? Number(query.edit) : null;
  const editing = rules.find((r) => r.id === editId);
  const saved =
    typeof query.saved === "string" ? rules.find((r) => r.id === Number(query.saved)) : undefined;

  return (
    <section className="space-y-6">
      <PageHeader
        title="Reward rules"
        description="When an action of a type arrives, each active rule for that type may create a flat reward for the partner. Rules are evaluated when the action is received; changing a rule does not change rewards already made."
      >
        {editable && (
          <Link href={`/p/${slug}/reward-rules/try`} className={secondaryButtonClass}>
            Try on history
          </Link>
        )}
      </PageHeader>
      {saved && (
        <p
          role="status"
          className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 dark:bg-green-950 dark:text-green-200"
        >
          Saved “{saved.name}”.
        </p>
      )}
      {editId !== null && !editing && (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          There is no rule {String(query.edit)} to edit.
        </p>
      )}
      <div className={`${cardClass} relative overflow-x-auto`}>
        {rules.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-600 dark:text-gray-400">
            No reward rules yet: actions are recorded but earn nothing.
          </p>
        ) : (
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>Rule</th>
                <th className={thClass}>Action type</th>
                <th className={thClass}>Condition</th>
                <th className={thClass}>Reward</th>
                <th className={thClass}>Status</th>
                <th className={thClass}>Rewards made</th>
                {editable && (
                  <th className={thClass}>
                    <span className="sr-only">Edit</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
              {rules.map((rule) => (
                <tr key={rule.id}>
                  <td className={tdClass}>{rule.name}</td>
                  <td className={`${tdClass} font-mono text-xs`}>{rule.actionType}</td>
                  <td className={tdClass}>
                    {[
                      rule.minValue ? `value ≥ ${rule.minValue}` : null,
                      rule.group ? `group ${rule.group.name}` : null,
                    ]
                      .filter(Boolean)
                      .join(", ") || "Any"}
                  </td>
                  <td className={tdClass}>
                    {money(rule.amountCents)}
                    {rule.multiplyByValue ? " × value" : ""}
                  </td>
                  <td className={tdClass}>{rule.active ? "Active" : "Paused"}</td>
                  <td className={tdClass}>{rule.rewards.toLocaleString("en-US")}</td>
                  {editable && (
                    <td className={`${tdClass} space-x-3 whitespace-nowrap`}>
                      <Link
                        href={`/p/${slug}/reward-rules?edit=${rule.id}`}
                        className="text-blue-600 hover:underline"
                        aria-label={`Edit ${rule.name}`}
                      >
                        Edit
                      </Link>
                      <Link
                        href={`/p/${slug}/reward-rules/try?${tryChangeQuery(rule)}`}
                        className="text-blue-600 hover:underline"
                        aria-label={`Try a change to ${rule.name} on history`}
                      >
                        Try a change
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {editable ? (
        <div className={`${cardClass} p-4`}>
          <h2 className="mb-3 font-medium">{editing ? `Edit “${editing.name}”` : "Add a rule"}</h2>
          <RewardRuleForm
            key={editing?.id ?? "new"}
            slug={slug}
            groups={groups}
            actionTypes={actionTypes}
            rule={editing ? { ...editing, groupKey: editing.group?.key ?? null } : undefined}
          />
        </div>
      ) : (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Only owners and managers can change reward rules.
        </p>
      )}
    </section>
  );
}
