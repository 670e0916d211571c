// GET /p/{slug}/audit/export — every audit log entry of the URL's filters as CSV (owners only)
import { forbidden } from "next/navigation";
import { auditCsv } from "@/lib/audit/audit-csv";
import { auditQuery } from "@/lib/audit/audit-params";
import { loadAuditFilters } from "@/lib/audit/load-audit-filters";
import { overDatabase } from "@/lib/db/over-database";
import { withDownloadCookie } from "@/lib/exports/download-cookie";
import { exportErrorPage } from "@/lib/exports/export-error-page";
import { attachmentHeaders, exportFilename } from "@/lib/exports/format-export";
import { requireProgramAccess } from "@/lib/programs/require-program-access";
import { canViewAuditLog } from "@/lib/programs/roles";

export const runtime = "nodejs";

export const GET = overDatabase(
  (database) =>
    async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
      const [{ slug }, db] = await Promise.all([params, database()]);
      const { program, role } = await requireProgramAccess(db.prisma, slug);
      if (!canViewAuditLog(role)) forbidden();
      const url = new URL(request.url);
      // The page's own reading of the URL (its page position aside): the file lists what it shows.
      const { filters } = await loadAuditFilters(
        db.prisma,
        program.id,
        Object.fromEntries(url.searchParams),
      );
      const filename = exportFilename(
        program.slug,
        "audit-log",
        Date.now(),
        program.timezone,
        "csv",
      );
      let response: Response;
      try {
        response = new Response(await auditCsv(db.prisma, program, filters), {
          headers: attachmentHeaders(filename, "text/csv; charset=utf-8"),
        });
      } catch (error) {
        console.error("Audit log export failed", error);
        response = exportErrorPage(
          500,
          "Something went wrong while preparing this download. Nothing was sent; please try again.",
          `/p/${slug}/audit${auditQuery(filters)}`,
          "Back to the audit log",
        );
      }
      return withDownloadCookie(response, url);
    },
);
