// GET /p/{slug}/actions/export/{tile}.{csv|pdf} and /tab.{pdf|zip} — downloads of the Actions tab for the URL's filters
import { withDownloadCookie } from "@/lib/exports/download-cookie";
import { renderExport } from "@/lib/exports/render-export";
import { requireProgramAccess } from "@/lib/programs/require-program-access";

export const runtime = "nodejs";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string; file: string }> },
) {
  const { slug, file } = await params;
  const { program } = await requireProgramAccess(slug);
  const url = new URL(request.url);
  return withDownloadCookie(await renderExport(program, file, url), url);
}
