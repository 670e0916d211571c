import "server-only";
import { scopeOf } from "../stats/load-view";
import type { TabSources } from "../stats/sources";
import type { ExportFile } from "../exports/export-file";
import { exportFilename } from "../exports/format-export";
import { directoryCsv } from "./directory-csv";
import { loadDirectoryState } from "./directory-params";

/** The Partners directory of the URL's filters, search and order as a CSV download. */
export async function buildDirectoryExport(
  sources: TabSources,
  program: { id: number; slug: string; timezone: string; currency: string },
  query: URLSearchParams,
): Promise<ExportFile> {
  const state = loadDirectoryState(Object.fromEntries(query));
  const { scope } = await scopeOf(sources, program, state.filters, state.warnings);
  return {
    name: exportFilename(program.slug, "partners", scope.asOf, program.timezone, "csv"),
    contentType: "text/csv; charset=utf-8",
    body: await directoryCsv(sources.db, scope, state.directory, program.currency),
  };
}
