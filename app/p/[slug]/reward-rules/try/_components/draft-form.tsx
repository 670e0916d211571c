"use client";

import Form from "next/form";
import { useState } from "react";
import { useFormStatus } from "react-dom";
import { FormField } from "@/components/ui/form-field";
import { GroupOptions } from "../../_components/group-options";
import { buttonClass, inputClass } from "@/components/ui/styles";
import type { FormRefusal } from "@/lib/forms/form-result";
import type { DraftKey } from "@/lib/rule-replay/rule-draft-schema";

const CHANGES = [
  { value: "add", label: "A new rule" },
  { value: "edit", label: "A change to a rule" },
  { value: "off", label: "A rule switched off" },
] as const;

/**
 * The draft, as a GET form: submitting it writes the draft into the URL beside the filters in
 * force (hidden fields), so the page, its CSV and a shared link read the same thing. Works
 * before hydration (a plain GET) and by keyboard alone.
 */
export function DraftForm({
  action,
  filterQuery,
  input,
  refusal,
  rules,
  groups,
  actionTypes,
}: {
  action: string;
  filterQuery: string;
  input: Partial<Record<DraftKey, string>>;
  refusal: FormRefusal | null;
  rules: { id: number; name: string; active: boolean }[];
  groups: { key: string; name: string }[];
  actionTypes: string[];
}) {
  const [change, setChange] = useState(input.change ?? "add");
  const error = (field: string) => {
    const message = refusal?.fields?.[field];
    return message ? (
      <p id={`draft-${field}-error`} className="mt-1 text-xs text-red-600 dark:text-red-400">
        {message}
      </p>
    ) : undefined;
  };
  const field = (name: DraftKey) => ({
    id: `draft-${name}`,
    name,
    defaultValue: input[name] ?? "",
    className: inputClass,
    "aria-invalid": refusal?.fields?.[name] ? true : undefined,
    "aria-describedby": refusal?.fields?.[name] ? `draft-${name}-error` : undefined,
  });

  return (
    <Form
      action={action}
      aria-labelledby="draft-heading"
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      noValidate
    >
      {[...new URLSearchParams(filterQuery)].map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="sm:col-span-2 lg:col-span-3">
        <legend className="text-sm font-medium">What to try</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {CHANGES.map((c) => (
            <label key={c.value} className="flex items-center gap-2">
              <input
                type="radio"
                name="change"
                value={c.value}
                checked={change === c.value}
                onChange={() => setChange(c.value)}
              />
              {c.label}
            </label>
          ))}
        </div>
        {error("change")}
      </fieldset>
      {change !== "add" && (
        <FormField id="draft-rule" label="Rule" error={error("rule")}>
          <select {...field("rule")}>
            <option value="">Choose a rule</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.active ? "" : " (paused)"}
              </option>
            ))}
          </select>
        </FormField>
      )}
      {change !== "off" && (
        <>
          <FormField id="draft-actionType" label="Action type" error={error("actionType")}>
            <select {...field("actionType")}>
              <option value="">Choose a type</option>
              {actionTypes.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="draft-amount" label="Amount per action" error={error("amount")}>
            <input {...field("amount")} inputMode="decimal" placeholder="25.00" />
          </FormField>
          <FormField id="draft-minValue" label="Minimum value (optional)" error={error("minValue")}>
            <input {...field("minValue")} inputMode="numeric" />
          </FormField>
          <FormField id="draft-groupKey" label="Only for group" error={error("groupKey")}>
            <select {...field("groupKey")}>
              <GroupOptions groups={groups} />
            </select>
          </FormField>
          <label className="flex items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              name="multiplyByValue"
              defaultChecked={input.multiplyByValue === "on"}
            />
            Multiply the amount by the action value
          </label>
        </>
      )}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <TryButton />
        {refusal && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {refusal.message}
          </p>
        )}
      </div>
    </Form>
  );
}

function TryButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClass}>
      {pending ? "Trying…" : "Try on history"}
    </button>
  );
}
