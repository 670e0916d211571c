"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
import { GroupOptions } from "./group-options";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { RuleFacts } from "@/lib/reward-rules/save-reward-rule";
import { saveRewardRuleAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

type RuleDraft = RuleFacts & { id?: number };

export function RewardRuleForm({
  slug,
  rule,
  groups,
  actionTypes,
}: {
  slug: string;
  rule?: RuleDraft;
  groups: { key: string; name: string }[];
  actionTypes: string[];
}) {
  // A refused rule keeps what was typed; a saved one redirects to the list.
  const form = useFormAction(saveRewardRuleAction.bind(null, slug));
  const { state, pending } = form;
  const error = (field: string) =>
    form.error(field) && (
      <p id={`${field}-error`} className="mt-1 text-xs text-red-600 dark:text-red-400">
        {form.error(field)}
      </p>
    );
  /** An input's props: its name, the rule's value to start from, and its error. */
  const field = (name: string, id: string, value: string) => ({
    id,
    name,
    defaultValue: value,
    className: inputClass,
    "aria-describedby": form.error(name) ? `${name}-error` : undefined,
  });

  return (
    <form
      method="post"
      onSubmit={form.onSubmit}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      noValidate
    >
      <UntilHydrated>
        {rule?.id && <input type="hidden" name="id" value={rule.id} />}
        <FormField id="rule-name" label="Name" error={error("name")}>
          <input {...field("name", "rule-name", rule?.name ?? "")} required />
        </FormField>
        <FormField id="rule-type" label="Action type" error={error("actionType")}>
          <input
            {...field("actionType", "rule-type", rule?.actionType ?? "")}
            list="action-types"
            required
          />
          <datalist id="action-types">
            {actionTypes.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </FormField>
        <FormField id="rule-amount" label="Amount per action" error={error("amount")}>
          <input
            {...field("amount", "rule-amount", rule ? (rule.amountCents / 100).toFixed(2) : "")}
            inputMode="decimal"
            placeholder="25.00"
            required
          />
        </FormField>
        <FormField id="rule-min" label="Minimum value (optional)" error={error("minValue")}>
          <input
            {...field("minValue", "rule-min", rule?.minValue ? String(rule.minValue) : "")}
            inputMode="numeric"
          />
        </FormField>
        <FormField id="rule-group" label="Only for group" error={error("groupKey")}>
          <select {...field("groupKey", "rule-group", rule?.groupKey ?? "")}>
            <GroupOptions groups={groups} />
          </select>
        </FormField>
        <fieldset className="flex flex-col justify-end gap-2 text-sm">
          <legend className="sr-only">Options</legend>
          <Check name="multiplyByValue" checked={rule?.multiplyByValue ?? false}>
            Multiply the amount by the action value
          </Check>
          <Check name="active" checked={rule?.active ?? true}>
            Active
          </Check>
        </fieldset>
        <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-3">
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Saving…" : rule?.id ? "Save changes" : "Add rule"}
          </button>
          {rule?.id && (
            <Link
              href={`/p/${slug}/reward-rules`}
              className="text-sm text-gray-600 hover:underline dark:text-gray-400"
            >
              Cancel
            </Link>
          )}
          {state.message && (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {state.message}
            </p>
          )}
        </div>
      </UntilHydrated>
    </form>
  );
}

function Check({
  name,
  checked,
  children,
}: {
  name: string;
  checked: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={checked} /> {children}
    </label>
  );
}
