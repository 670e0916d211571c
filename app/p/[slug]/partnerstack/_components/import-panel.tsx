"use client";

import { buttonClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { ImportView } from "@/lib/partnerstack/load-partnerstack-page";
import { stepRate } from "@/lib/partnerstack/describe-progress";
import { importAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

const count = (n: number) => n.toLocaleString("en-US");

function stepState(step: ImportView["steps"][number], run: ImportView) {
  if (step.done) return "Done";
  if (run.status === "failed") return "Stopped";
  if (run.status === "running" && step.fetched > 0) return "Reading…";
  return "Waiting";
}

/** The last import's progress per resource (fetched, stored, rate) and the button to start one. */
export function ImportPanel({
  slug,
  lastImport,
  timezone,
}: {
  slug: string;
  lastImport: ImportView | null;
  timezone: string;
}) {
  const { refusal, pending, onSubmit } = useFormAction((_prev, form: FormData) =>
    importAction(slug, form),
  );
  const running = lastImport?.status === "running";
  const resumable = lastImport?.status === "failed";
  const time = (d: Date) =>
    d.toLocaleString("en-US", { timeZone: timezone, dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-4 text-sm">
      {lastImport ? (
        <div className="space-y-2">
          <p role="status">
            {lastImport.status === "done" &&
              `Import finished ${time(lastImport.finishedAt ?? lastImport.startedAt)}.`}
            {running &&
              (lastImport.waiting
                ? "Import queued: it starts within a few seconds."
                : `Importing since ${time(lastImport.startedAt)}… this page updates by itself.`)}
            {resumable &&
              "The last import stopped before the end. Resume it to continue from the last page stored."}
          </p>
          {lastImport.error && (
            <p role="alert" className="text-red-600 dark:text-red-400">
              {lastImport.error}
            </p>
          )}
          <div className="relative overflow-x-auto">
            <table className={tableClass}>
              <caption className="sr-only">Import progress per resource</caption>
              <thead>
                <tr>
                  <th className={thClass}>Resource</th>
                  <th className={`${thClass} text-right`}>Fetched</th>
                  <th className={`${thClass} text-right`}>Stored</th>
                  <th className={`${thClass} text-right`}>Skipped</th>
                  <th className={`${thClass} text-right`}>Rate</th>
                  <th className={thClass}>Status</th>
                </tr>
              </thead>
              <tbody>
                {lastImport.steps.map((step) => {
                  const rate = stepRate(step);
                  return (
                    <tr key={step.resource}>
                      <th scope="row" className={`${tdClass} text-left font-normal capitalize`}>
                        {step.resource}
                      </th>
                      <td className={`${tdClass} text-right tabular-nums`}>
                        {count(step.fetched)}
                      </td>
                      <td className={`${tdClass} text-right tabular-nums`}>{count(step.stored)}</td>
                      <td className={`${tdClass} text-right tabular-nums`}>
                        {count(step.skipped)}
                      </td>
                      <td className={`${tdClass} text-right tabular-nums`}>
                        {rate === null ? "–" : `${count(rate)}/s`}
                      </td>
                      <td className={tdClass}>{stepState(step, lastImport)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            Stored counts what was new or changed; a repeated import stores nothing it already has.
            Skipped: items naming a partnership, customer or action the source did not list.
          </p>
        </div>
      ) : (
        <p className="text-gray-600 dark:text-gray-400">
          Nothing imported yet. An import reads the whole program; you can keep working meanwhile.
        </p>
      )}
      {!running && (
        <form method="post" onSubmit={onSubmit}>
          <UntilHydrated className="space-y-3">
            {!resumable && (
              <label className="flex max-w-2xl items-start gap-2">
                <input type="checkbox" name="rerunRules" className="mt-1" />
                <span>
                  Also run this program’s reward rules over imported actions that came without a
                  reward. The rewards they make are marked “backfill”. Left off, imported history
                  keeps only the rewards PartnerStack made.
                </span>
              </label>
            )}
            <button type="submit" disabled={pending} className={buttonClass}>
              {pending
                ? "Starting…"
                : resumable
                  ? "Resume import"
                  : lastImport
                    ? "Import again"
                    : "Import"}
            </button>
          </UntilHydrated>
        </form>
      )}
      {refusal && (
        <p role="alert" className="text-red-600 dark:text-red-400">
          {refusal.message}
        </p>
      )}
    </div>
  );
}
