import "server-only";
import type { TabSources } from "../stats/sources";
import { attachmentFilename } from "../exports/format-export";
import { renderExport } from "../exports/render-export";

export interface DeliveryFile {
  name: string;
  contentType: string;
  content: Uint8Array<ArrayBuffer>;
}

/**
 * The file a schedule sends, built by the export module exactly as the ⋮ menu's download of the
 * saved view's URL would be at `now` (relative timeframes resolved then). An export the route
 * would answer with its error page is a failure here.
 */
export async function renderDeliveryFile(
  sources: TabSources,
  program: { id: number; slug: string; name: string; timezone: string; currency: string },
  file: string,
  viewQuery: string,
  now: number,
): Promise<DeliveryFile> {
  const url = new URL(`http://actionboard.invalid/p/${program.slug}/actions/export/${file}`);
  url.search = viewQuery;
  const response = await renderExport(sources, program, file, url, now);
  if (!response.ok) {
    throw new Error(`The export ${file} could not be built (status ${response.status}).`);
  }
  return {
    name: attachmentFilename(response.headers) ?? file,
    contentType: response.headers.get("Content-Type") ?? "application/octet-stream",
    content: new Uint8Array(await response.arrayBuffer()),
  };
}
