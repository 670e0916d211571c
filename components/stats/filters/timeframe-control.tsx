"use client";

import { useState } from "react";
import { ChoiceSelect } from "@/components/ui/choice-select";
import { MAX_PAST_N, UNITS, type Timeframe, type Unit } from "@/lib/stats/timeframe/timeframe";
import {
  inclusiveRange,
  LATEST_LAST_DAY,
  rangeLastDay,
} from "@/lib/stats/timeframe/inclusive-range";

type Kind =
  | "any"
  | "past"
  | "past_complete"
  | "on"
  | "range"
  | "before"
  | "since"
  | "this"
  | "last"
  | "today"
  | "yesterday";

const KINDS: { kind: Kind; label: string }[] = [
  { kind: "past", label: "is in the past" },
  { kind: "past_complete", label: "is in the past (complete units)" },
  { kind: "this", label: "is this" },
  { kind: "last", label: "is last" },
  { kind: "today", label: "is today" },
  { kind: "yesterday", label: "is yesterday" },
  { kind: "on", label: "is on the day" },
  { kind: "range", label: "is in range" },
  { kind: "before", label: "is before" },
  { kind: "since", label: "is on or after" },
  { kind: "any", label: "is any time" },
];

interface Form {
  kind: Kind;
  n: string;
  unit: Unit;
  date: string;
  from: string;
  /** A range's last day, included (the URL keeps the day after it). */
  to: string;
}

function toForm(tf: Timeframe): Form {
  const base: Form = { kind: "past", n: "30", unit: "day", date: "", from: "", to: "" };
  switch (tf.kind) {
    case "any":
      return { ...base, kind: "any" };
    case "past":
      return {
        ...base,
        kind: tf.complete ? "past_complete" : "past",
        n: String(tf.n),
        unit: tf.unit,
      };
    case "this":
    case "last":
      return tf.unit === "day"
        ? { ...base, kind: tf.kind === "this" ? "today" : "yesterday" }
        : { ...base, kind: tf.kind, unit: tf.unit };
    case "range":
      return { ...base, kind: "range", from: tf.from, to: rangeLastDay(tf) };
    default:
      return { ...base, kind: tf.kind, date: tf.date };
  }
}

/** The timeframe the form describes, or an error to show instead. */
function fromForm(f: Form): Timeframe | string {
  switch (f.kind) {
    case "any":
      return { kind: "any" };
    case "today":
      return { kind: "this", unit: "day" };
    case "yesterday":
      return { kind: "last", unit: "day" };
    case "this":
    case "last":
      return { kind: f.kind, unit: f.unit };
    case "past":
    case "past_complete": {
      const n = Number(f.n);
      if (!/^\d+$/.test(f.n) || n < 1) return "Enter a whole number of at least 1.";
      if (n > MAX_PAST_N[f.unit])
        return `At most ${MAX_PAST_N[f.unit].toLocaleString("en-US")} ${f.unit}s.`;
      return { kind: "past", n, unit: f.unit, complete: f.kind === "past_complete" };
    }
    case "range":
      if (!f.from || !f.to) return "Choose both dates.";
      return inclusiveRange(f.from, f.to);
    default:
      return f.date ? { kind: f.kind, date: f.date } : "Choose a date.";
  }
}

const select =
  "rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-950";

export function TimeframeControl({
  value,
  onChange,
}: {
  value: Timeframe;
  onChange: (tf: Timeframe | null) => void;
}) {
  const [form, setForm] = useState(() => toForm(value));
  const result = fromForm(form);
  const update = (changes: Partial<Form>) => {
    const next = { ...form, ...changes };
    setForm(next);
    const tf = fromForm(next);
    onChange(typeof tf === "string" ? null : tf);
  };
  const plural = form.kind === "past" || form.kind === "past_complete";
  const choice = (
    label: string,
    value: string,
    choices: [value: string, label: string][],
    onChoose: (value: string) => void,
  ) => (
    <ChoiceSelect
      aria-label={label}
      value={value}
      onChange={(e) => onChoose(e.target.value)}
      className={select}
      choices={choices}
    />
  );
  const dateInput = (label: string, field: "date" | "from" | "to", min = "1970-01-01") => (
    <input
      type="date"
      aria-label={label}
      min={min}
      max={field === "to" ? LATEST_LAST_DAY : "9999-12-31"}
      value={form[field]}
      onChange={(e) => update({ [field]: e.target.value })}
      className={select}
    />
  );

  return (
    <div className="flex flex-wrap items-center gap-2">
      {choice(
        "Timeframe condition",
        form.kind,
        KINDS.map((k) => [k.kind, k.label]),
        (kind) => update({ kind: kind as Kind }),
      )}
      {plural && (
        <input
          aria-label="Number of units"
          inputMode="numeric"
          value={form.n}
          onChange={(e) => update({ n: e.target.value.trim() })}
          className={`${select} w-16`}
        />
      )}
      {(plural || form.kind === "this" || form.kind === "last") &&
        choice(
          "Timeframe unit",
          form.unit,
          UNITS.map((u) => [u, plural ? `${u}s` : u]),
          (unit) => update({ unit: unit as Unit }),
        )}
      {(form.kind === "on" || form.kind === "before" || form.kind === "since") &&
        dateInput("Date", "date")}
      {form.kind === "range" && (
        <>
          {dateInput("From", "from")}
          <span className="text-sm text-gray-500">to</span>
          {dateInput("To (included)", "to", form.from || undefined)}
          <span className="text-xs text-gray-500">(both days included)</span>
        </>
      )}
      {typeof result === "string" && (
        <p role="alert" className="w-full text-xs text-red-600 dark:text-red-400">
          {result}
        </p>
      )}
    </div>
  );
}
