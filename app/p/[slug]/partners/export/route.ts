// GET /p/{slug}/partners/export — the Partners directory of the URL's filters, search and order as CSV
import { loadView } from "@/lib/stats/load-view";
import { openTabSources } from "@/lib/stats/sources";
import { getDatabase } from "@/lib/db/client";
import { withDownloadCookie } from "@/lib/exports/download-cookie";
import { exportErrorPage } from "@/lib/exports/export-error-page";
import { attachmentHeaders, exportFilename } from "@/lib/exports/format-export";
import { directoryCsv } from "@/lib/partners/directory-csv";
import { loadDirectoryKeys } from "@/lib/partners/directory-params";
import { requireProgramAccess } from "@/lib/programs/require-program-access";

export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const [{ slug }, db] = await Promise.all([params, getDatabase()]);
  const { program } = await requireProgramAccess(db.prisma, slug);
  const url = new URL(request.url);
  const query = Object.fromEntries(url.searchParams);
  const { directory } = loadDirectoryKeys(query);
  const { scope } = await loadView(await openTabSources(db), program, query, { reads: "filters" });
  const filename = exportFilename(program.slug, "partners", scope.asOf, program.timezone, "csv");
  let response: Response;
  try {
    const body = await directoryCsv(db, scope, directory, program.currency);
    response = new Response(body, {
      headers: attachmentHeaders(filename, "text/csv; charset=utf-8"),
    });
  } catch (error) {
    console.error("Partners export failed", error);
    response = exportErrorPage(
      500,
      "Something went wrong while preparing this download. Nothing was sent; please try again.",
      `/p/${slug}/partners${url.search}`,
      "Back to Partners",
    );
  }
  return withDownloadCookie(response, url);
}
