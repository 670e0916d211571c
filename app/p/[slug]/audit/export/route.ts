// GET /p/{slug}/audit/export — every audit log entry of the URL's filters as CSV (owners only)
import { auditCsv } from "@/lib/audit/audit-csv";
import { auditQuery } from "@/lib/audit/audit-params";
import { loadAuditFilters } from "@/lib/audit/load-audit-filters";
import { withDownloadCookie } from "@/lib/exports/download-cookie";
import { exportResponse } from "@/lib/exports/export-response";
import { exportFilename } from "@/lib/exports/format-export";
import { programRoute } from "@/lib/programs/program-route";
import { canViewAuditLog } from "@/lib/programs/roles";

export const runtime = "nodejs";

export const GET = programRoute(
  async (request, { program, prisma }) => {
    const url = new URL(request.url);
    // The page's own reading of the URL (its page position aside): the file lists what it shows.
    const { filters } = await loadAuditFilters(
      prisma,
      program.id,
      Object.fromEntries(url.searchParams),
    );
    const response = await exportResponse(
      async () => ({
        name: exportFilename(program.slug, "audit-log", Date.now(), program.timezone, "csv"),
        contentType: "text/csv; charset=utf-8",
        body: await auditCsv(prisma, program, filters),
      }),
      { href: `/p/${program.slug}/audit${auditQuery(filters)}`, label: "Back to the audit log" },
    );
    return withDownloadCookie(response, url);
  },
  { allow: canViewAuditLog },
);
