// GET /p/{slug}/conversion/export/conversion.{csv|pdf} — the conversion view as a file, for the URL's filters and question
import { buildConversionExport } from "@/lib/exports/conversion-export";
import { withDownloadCookie } from "@/lib/exports/download-cookie";
import { exportResponse } from "@/lib/exports/export-response";
import { programRoute } from "@/lib/programs/program-route";

export const runtime = "nodejs";

export const GET = programRoute<{ slug: string; file: string }>(
  async (request, { program, params, sources }) => {
    const url = new URL(request.url);
    const response = await exportResponse(
      async () => buildConversionExport(await sources(), program, params.file, url.searchParams),
      { href: `/p/${program.slug}/conversion${url.search}` },
    );
    return withDownloadCookie(response, url);
  },
);
