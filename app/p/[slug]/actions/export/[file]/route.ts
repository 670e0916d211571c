// GET /p/{slug}/actions/export/{tile}.{csv|pdf} and /tab.{pdf|zip} — downloads of the Actions tab for the URL's filters
import { openTabSources } from "@/lib/stats/sources";
import { getDatabase } from "@/lib/db/client";
import { withDownloadCookie } from "@/lib/exports/download-cookie";
import { renderExport } from "@/lib/exports/render-export";
import { requireProgramAccess } from "@/lib/programs/require-program-access";

export const runtime = "nodejs";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string; file: string }> },
) {
  const [{ slug, file }, db] = await Promise.all([params, getDatabase()]);
  const { program } = await requireProgramAccess(db.prisma, slug);
  const url = new URL(request.url);
  const sources = await openTabSources(db);
  return withDownloadCookie(await renderExport(sources, program, file, url), url);
}
