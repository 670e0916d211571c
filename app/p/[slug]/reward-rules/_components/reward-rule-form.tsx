"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
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
  /** An input's props: its name, the value to show (as submitted, else the rule's) and its error. */
  const field = (name: string, id: string, fallback: string) => ({
    id,
    name,
    defaultValue: value(name, fallback),
    className: inputClass,
    "aria-describedby": state.fieldErrors?.[name] ? `${name}-error` : undefined,
  });

  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" noValidate>
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
          <option value="">Every group</option>
          {groups.map((g) => (
            <option key={g.key} value={g.key}>
              {g.name}
            </option>
          ))}
        </select>
      </FormField>
      <fieldset className="flex flex-col justify-end gap-2 text-sm">
        <legend className="sr-only">Options</legend>
        <Check
          name="multiplyByValue"
          checked={checked("multiplyByValue", rule?.multiplyByValue ?? false)}
        >
          Multiply the amount by the action value
        </Check>
        <Check name="active" checked={checked("active", rule?.active ?? true)}>
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
