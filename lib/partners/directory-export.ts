import "server-only";
import { loadView } from "../stats/load-view";
import type { TabSources } from "../stats/sources";
import type { ExportFile } from "../exports/export-file";
import { fileLabel } from "../exports/file-label";
import { exportFilename } from "../exports/format-export";
import { directoryCsv } from "./directory-csv";
import { loadDirectoryKeys } from "./directory-params";

/** The Partners directory of the URL's filters, search and order as a CSV download. */
export async function buildDirectoryExport(
  sources: TabSources,
  program: { id: number; slug: string; timezone: string; currency: string },
  query: URLSearchParams,
): Promise<ExportFile> {
  const raw = Object.fromEntries(query);
  const { directory } = loadDirectoryKeys(raw);
  const { scope } = await loadView(sources, program, raw, { reads: "filters" });
  return {
    name: exportFilename(
      program.slug,
      "partners",
      scope.asOf,
      program.timezone,
      "csv",
      fileLabel(scope.filters.timeframe),
    ),
    contentType: "text/csv; charset=utf-8",
    body: await directoryCsv(sources.db, scope, directory, program.currency),
  };
}
