// GET /p/{slug}/actions/export/{tile}.{csv|pdf} and /tab.{pdf|zip} — downloads of the Actions tab for the URL's filters
import { buildExport } from "@/lib/exports/build-export";
import { withDownloadCookie } from "@/lib/exports/download-cookie";
import { exportResponse } from "@/lib/exports/export-response";
import { programRoute } from "@/lib/programs/program-route";

export const runtime = "nodejs";

export const GET = programRoute<{ slug: string; file: string }>(
  async (request, { program, params, sources }) => {
    const url = new URL(request.url);
    const response = await exportResponse(
      async () => buildExport(await sources(), program, params.file, url.searchParams),
      { href: `/p/${program.slug}/actions${url.search}` },
    );
    return withDownloadCookie(response, url);
  },
);
