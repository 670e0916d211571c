"use client";

import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { slugFromName } from "@/lib/programs/program-input";
import { setupAction, type SetupState } from "./actions";

const FieldError = ({ state, field }: { state: SetupState; field: string }) =>
  state.status === "error" && state.fields[field] ? (
    <p id={`${field}-error`} role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
      {state.fields[field]}
    </p>
  ) : null;

export function SetupForm({
  token,
  timeZones,
  currencies,
}: {
  token: string;
  timeZones: readonly string[];
  currencies: readonly string[];
}) {
  const [state, submit, pending] = useActionState<SetupState, FormData>(
    setupAction.bind(null, token),
    { status: "idle" },
  );
  const [programName, setProgramName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const zone = useRef<HTMLInputElement>(null);
  const [signInError, setSignInError] = useState<string | null>(null);
  // The password as submitted: React empties the form once the action answers, before the
  // effect below signs in with it.
  const typed = useRef("");

  // The browser's own zone, once on the client (the server cannot know it).
  useEffect(() => {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone.current && zone.current.value === "UTC" && timeZones.includes(local)) {
      zone.current.value = local;
    }
  }, [timeZones]);

  // Set up: sign the new owner in with the password just typed, then open the empty tab.
  useEffect(() => {
    if (state.status !== "done") return;
    signIn("credentials", {
      email: state.email,
      password: typed.current,
      redirect: false,
    })
      .then((result) => {
        if (!result || result.error) throw new Error(result?.error ?? "no answer");
        // A full navigation, so the server renders the tab with the new session cookie.
        const tab = new URL(`/p/${state.slug}/actions`, window.location.href);
        window.location.assign(tab);
      })
      .catch(() => setSignInError("Your account is ready, but signing in failed: sign in below."));
  }, [state]);

  if (state.status === "done") {
    return (
      <div role="status" className="mt-6 text-sm">
        {signInError ? (
          <p>
            {signInError}{" "}
            <a href={`/signin?callbackUrl=/p/${state.slug}/actions`} className="underline">
              Sign in
            </a>
          </p>
        ) : (
          <p>Actionboard is set up. Signing you in…</p>
        )}
      </div>
    );
  }

  const sent = (field: string) => (state.status === "error" ? state.values?.[field] : undefined);
  const described = (field: string) =>
    state.status === "error" && state.fields[field] ? `${field}-error` : undefined;

  return (
    <form
      action={submit}
      onSubmit={(e) =>
        void (typed.current = String(new FormData(e.currentTarget).get("password") ?? ""))
      }
      className="mt-6 space-y-6"
      noValidate
    >
      {state.status === "error" && state.message && (
        <p
          role="alert"
          className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
        >
          {state.message}
        </p>
      )}
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">You, the first owner</legend>
        <FormField id="name" label="Your name" error={<FieldError state={state} field="name" />}>
          <input
            id="name"
            name="name"
            defaultValue={sent("name")}
            autoComplete="name"
            required
            autoFocus
            aria-describedby={described("name")}
            className={inputClass}
          />
        </FormField>
        <FormField id="email" label="Email" error={<FieldError state={state} field="email" />}>
          <input
            id="email"
            name="email"
            defaultValue={sent("email")}
            type="email"
            autoComplete="username"
            required
            aria-describedby={described("email")}
            className={inputClass}
          />
        </FormField>
        <FormField
          id="password"
          label="Password"
          hint="At least 12 characters, not easy to guess (a few unrelated words work well)."
          error={<FieldError state={state} field="password" />}
        >
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            aria-describedby={described("password")}
            className={inputClass}
          />
        </FormField>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">Your first program</legend>
        <FormField
          id="programName"
          label="Program name"
          error={<FieldError state={state} field="programName" />}
        >
          <input
            id="programName"
            name="programName"
            required
            value={programName}
            onChange={(e) => {
              setProgramName(e.target.value);
              if (!slugEdited) setSlug(slugFromName(e.target.value));
            }}
            aria-describedby={described("programName")}
            className={inputClass}
          />
        </FormField>
        <FormField
          id="slug"
          label="URL name"
          hint={`Links look like /p/${slug || "your-program"}/actions.`}
          error={<FieldError state={state} field="slug" />}
        >
          <input
            id="slug"
            name="slug"
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }}
            aria-describedby={described("slug")}
            className={inputClass}
          />
        </FormField>
        <FormField
          id="timezone"
          label="Time zone"
          hint="Days, weeks and months of the Actions tab start at midnight here. Type to search."
          error={<FieldError state={state} field="timezone" />}
        >
          <input
            id="timezone"
            name="timezone"
            list="setup-time-zones"
            required
            ref={zone}
            defaultValue={sent("timezone") ?? "UTC"}
            aria-describedby={described("timezone")}
            className={inputClass}
          />
          <datalist id="setup-time-zones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </FormField>
        <FormField
          id="currency"
          label="Currency"
          hint="ISO 4217, e.g. USD or EUR."
          error={<FieldError state={state} field="currency" />}
        >
          <input
            id="currency"
            name="currency"
            list="setup-currencies"
            required
            defaultValue={sent("currency") ?? "USD"}
            maxLength={3}
            aria-describedby={described("currency")}
            className={inputClass}
          />
          <datalist id="setup-currencies">
            {currencies.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </FormField>
      </fieldset>
      <button type="submit" disabled={pending} className={`w-full ${buttonClass}`}>
        {pending ? "Setting up…" : "Create account and program"}
      </button>
    </form>
  );
}
