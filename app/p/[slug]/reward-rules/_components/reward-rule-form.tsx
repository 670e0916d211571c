"use client";

import Link from "next/link";
import { useActionState } from "react";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { saveRewardRuleAction, type RuleFormState } from "../actions";

interface RuleDraft {
  id?: number;
  name: string;
  actionType: string;
  minValue: number | null;
  groupKey: string | null;
  amountCents: number;
  multiplyByValue: boolean;
  active: boolean;
}

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
  const [state, action, pending] = useActionState(
    saveRewardRuleAction.bind(null, slug),
    {} as RuleFormState,
  );
  const error = (field: string) =>
    state.fieldErrors?.[field] && (
      <p id={`${field}-error`} className="mt-1 text-xs text-red-600 dark:text-red-400">
        {state.fieldErrors[field]}
      </p>
    );
  const submitted = state.values;
  const value = (field: string, fallback: string) => submitted?.[field] ?? fallback;
  const checked = (field: string, fallback: boolean) =>
    submitted ? submitted[field] === "on" : fallback;
  const described = (field: string) => (state.fieldErrors?.[field] ? `${field}-error` : undefined);

  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" noValidate>
      {rule?.id && <input type="hidden" name="id" value={rule.id} />}
      <div>
        <label htmlFor="rule-name" className="block text-sm font-medium">
          Name
        </label>
        <input
          id="rule-name"
          name="name"
          defaultValue={value("name", rule?.name ?? "")}
          required
          className={inputClass}
          aria-describedby={described("name")}
        />
        {error("name")}
      </div>
      <div>
        <label htmlFor="rule-type" className="block text-sm font-medium">
          Action type
        </label>
        <input
          id="rule-type"
          name="actionType"
          list="action-types"
          defaultValue={value("actionType", rule?.actionType ?? "")}
          required
          className={inputClass}
          aria-describedby={described("actionType")}
        />
        <datalist id="action-types">
          {actionTypes.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {error("actionType")}
      </div>
      <div>
        <label htmlFor="rule-amount" className="block text-sm font-medium">
          Amount per action
        </label>
        <input
          id="rule-amount"
          name="amount"
          inputMode="decimal"
          defaultValue={value("amount", rule ? (rule.amountCents / 100).toFixed(2) : "")}
          placeholder="25.00"
          required
          className={inputClass}
          aria-describedby={described("amount")}
        />
        {error("amount")}
      </div>
      <div>
        <label htmlFor="rule-min" className="block text-sm font-medium">
          Minimum value (optional)
        </label>
        <input
          id="rule-min"
          name="minValue"
          inputMode="numeric"
          defaultValue={value("minValue", rule?.minValue ? String(rule.minValue) : "")}
          className={inputClass}
          aria-describedby={described("minValue")}
        />
        {error("minValue")}
      </div>
      <div>
        <label htmlFor="rule-group" className="block text-sm font-medium">
          Only for group
        </label>
        <select
          id="rule-group"
          name="groupKey"
          defaultValue={value("groupKey", rule?.groupKey ?? "")}
          className={inputClass}
          aria-describedby={described("groupKey")}
        >
          <option value="">Every group</option>
          {groups.map((g) => (
            <option key={g.key} value={g.key}>
              {g.name}
            </option>
          ))}
        </select>
        {error("groupKey")}
      </div>
      <fieldset className="flex flex-col justify-end gap-2 text-sm">
        <legend className="sr-only">Options</legend>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="multiplyByValue"
            defaultChecked={checked("multiplyByValue", rule?.multiplyByValue ?? false)}
          />{" "}
          Multiply the amount by the action value
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="active"
            defaultChecked={checked("active", rule?.active ?? true)}
          />{" "}
          Active
        </label>
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
    </form>
  );
}
