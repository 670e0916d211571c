"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/styles";
import type { ProgramChoices } from "@/lib/programs/program-choices";
import {
  fieldSentence,
  type ProgramField,
  type ProgramFieldErrors,
} from "@/lib/programs/program-form";
import { slugFromName } from "@/lib/programs/slug-from-name";

export type ProgramFieldValues = Record<ProgramField, string>;

const noSubscription = () => () => {};
const readBrowserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const LABELS: Record<ProgramField, string> = {
  name: "Program name",
  slug: "Slug",
  timezone: "Time zone",
  currency: "Currency",
};

/**
 * A program's name, slug, time zone and currency, as form controls named `name`, `slug`,
 * `timezone` and `currency` (no <form> of its own: the setup page, the new-program page and the
 * settings page each wrap it in theirs). Creating, the slug follows the name until it is edited by
 * hand, and the zone starts as the browser's. Zones and currencies are searchable lists (an input
 * with a datalist: type to filter, arrows to choose). `errors` are the server's, one per field.
 */
export function ProgramFields({
  choices,
  initial,
  creating,
  errors = {},
  currencyLocked,
  onTimezoneChange,
}: {
  choices: ProgramChoices;
  initial: ProgramFieldValues;
  creating: boolean;
  errors?: ProgramFieldErrors;
  /** Why the currency cannot change, as a sentence shown under it (the control read-only). */
  currencyLocked?: string;
  onTimezoneChange?: (zone: string) => void;
}) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [slugEdited, setSlugEdited] = useState(!creating);
  const [zoneTouched, setZoneTouched] = useState(!creating);

  // Creating: the browser's zone until the person chooses one (the server cannot know it, so its
  // render keeps `initial`'s and the browser's shows once hydrated).
  const browserZone = useSyncExternalStore(noSubscription, readBrowserZone, () => null);
  const timezone =
    !zoneTouched && browserZone && choices.timeZones.includes(browserZone)
      ? browserZone
      : values.timezone;

  const set = (field: ProgramField, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const fieldId = (field: ProgramField) => `${id}-${field}`;
  const errorOf = (field: ProgramField) =>
    errors[field] ? (
      <p id={`${fieldId(field)}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
        {fieldSentence(LABELS[field], errors[field])}
      </p>
    ) : null;
  const described = (field: ProgramField, hint?: boolean) => {
    const ids = [errors[field] && `${fieldId(field)}-error`, hint && `${fieldId(field)}-hint`];
    return {
      "aria-invalid": Boolean(errors[field]),
      "aria-describedby": ids.filter(Boolean).join(" ") || undefined,
    };
  };

  return (
    <div className="grid gap-3">
      <FormField id={fieldId("name")} label={LABELS.name} error={errorOf("name")}>
        <input
          id={fieldId("name")}
          name="name"
          required
          maxLength={100}
          autoComplete="off"
          value={values.name}
          onChange={(event) => {
            const name = event.target.value;
            setValues((v) => ({ ...v, name, slug: slugEdited ? v.slug : slugFromName(name) }));
          }}
          {...described("name")}
          className={inputClass}
        />
      </FormField>
      <FormField id={fieldId("slug")} label={LABELS.slug} error={errorOf("slug")}>
        <input
          id={fieldId("slug")}
          name="slug"
          maxLength={48}
          autoComplete="off"
          spellCheck={false}
          value={values.slug}
          onChange={(event) => {
            setSlugEdited(true);
            set("slug", event.target.value);
          }}
          {...described("slug", true)}
          className={`${inputClass} font-mono`}
        />
        <p id={`${fieldId("slug")}-hint`} className="mt-1 text-xs text-gray-600 dark:text-gray-400">
          The program’s address: /p/{values.slug || "…"}. Lowercase letters, digits and hyphens.
        </p>
      </FormField>
      <FormField id={fieldId("timezone")} label={LABELS.timezone} error={errorOf("timezone")}>
        <input
          id={fieldId("timezone")}
          name="timezone"
          required
          list={`${fieldId("timezone")}-list`}
          autoComplete="off"
          spellCheck={false}
          value={timezone}
          onChange={(event) => {
            setZoneTouched(true);
            set("timezone", event.target.value);
            onTimezoneChange?.(event.target.value);
          }}
          {...described("timezone", true)}
          className={inputClass}
        />
        <datalist id={`${fieldId("timezone")}-list`}>
          {choices.timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <p
          id={`${fieldId("timezone")}-hint`}
          className="mt-1 text-xs text-gray-600 dark:text-gray-400"
        >
          Days, weeks and months of the Actions tab start at midnight here. Type to search, e.g.
          Berlin.
        </p>
      </FormField>
      <FormField id={fieldId("currency")} label={LABELS.currency} error={errorOf("currency")}>
        <input
          id={fieldId("currency")}
          name="currency"
          required
          list={currencyLocked ? undefined : `${fieldId("currency")}-list`}
          readOnly={Boolean(currencyLocked)}
          autoComplete="off"
          spellCheck={false}
          maxLength={3}
          value={values.currency}
          onChange={(event) => set("currency", event.target.value.toUpperCase())}
          {...described("currency", true)}
          className={`${inputClass} font-mono uppercase read-only:bg-gray-100 dark:read-only:bg-gray-800`}
        />
        {!currencyLocked && (
          <datalist id={`${fieldId("currency")}-list`}>
            {choices.currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </datalist>
        )}
        <p
          id={`${fieldId("currency")}-hint`}
          className="mt-1 text-xs text-gray-600 dark:text-gray-400"
        >
          {currencyLocked ?? "ISO 4217 code of rewards, e.g. USD or EUR."}
        </p>
      </FormField>
    </div>
  );
}
