// GET /p/{slug}/partners/export — the Partners directory of the URL's filters, search and order as CSV
import { withDownloadCookie } from "@/lib/exports/download-cookie";
import { exportResponse } from "@/lib/exports/export-response";
import { buildDirectoryExport } from "@/lib/partners/directory-export";
import { programRoute } from "@/lib/programs/program-route";

export const runtime = "nodejs";

export const GET = programRoute(async (request, { program, sources }) => {
  const url = new URL(request.url);
  const response = await exportResponse(
    async () => buildDirectoryExport(await sources(), program, url.searchParams),
    { href: `/p/${program.slug}/partners${url.search}`, label: "Back to Partners" },
  );
  return withDownloadCookie(response, url);
});
