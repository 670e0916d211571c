// GET /p/{slug}/reward-rules/try/export — a draft rule change tried on history, per partnership, as CSV (owners and managers)
import { exportResponse } from "@/lib/exports/export-response";
import { exportFilename } from "@/lib/exports/format-export";
import { withDownloadCookie } from "@/lib/exports/download-cookie";
import { programRoute } from "@/lib/programs/program-route";
import { canEditRewardRules } from "@/lib/programs/roles";
import { loadReplayReport } from "@/lib/rule-replay/replay-report";
import { replayCsv } from "@/lib/rule-replay/replay-csv";
import { tryRuleChange } from "@/lib/rule-replay/try-rule-change";

export const runtime = "nodejs";

export const GET = programRoute(
  async (request, { program, prisma, sources }) => {
    const url = new URL(request.url);
    const response = await exportResponse(
      async () => {
        const query = Object.fromEntries(url.searchParams);
        const { view, draft } = await tryRuleChange(await sources(), program, query);
        if (draft.state !== "ready") {
          const message =
            draft.state === "none"
              ? "No change to try: draft one on the page first."
              : `${draft.refusal.message} ${Object.entries(draft.refusal.fields ?? {})
                  .map(([field, problem]) => `${field}: ${problem}`)
                  .join("; ")}`;
          return { status: 422, message };
        }
        const report = await loadReplayReport(prisma, view.scope, draft.rules);
        return {
          name: exportFilename(program.slug, "rule-tried", Date.now(), program.timezone, "csv"),
          contentType: "text/csv; charset=utf-8",
          body: new TextEncoder().encode(replayCsv(report)),
        };
      },
      { href: `/p/${program.slug}/reward-rules/try${url.search}`, label: "Back to the draft" },
    );
    return withDownloadCookie(response, url);
  },
  { allow: canEditRewardRules },
);
