/** A download as data: what the route sends as an attachment and a delivery attaches or links. */
export interface ExportFile {
  /** The file name (`acme_table_2026-11-23.csv`). */
  name: string;
  contentType: string;
  /** Streamed (CSV, zip: read batch by batch as it is taken) or whole (PDF). */
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>;
}

/** A download that cannot be made, with the reason a person reads (error page, delivery log). */
export interface ExportRefusal {
  /** The HTTP status the download route answers with (404 unknown file, 503 busy…). */
  status: number;
  message: string;
  /** When trying again later may work. */
  retryAfterSeconds?: number;
}

export type ExportResult = ExportFile | ExportRefusal;

export const isRefusal = (result: ExportResult): result is ExportRefusal => "status" in result;

/** The whole file in memory (a delivery's attachment), reading a streamed body to its end. */
export async function exportBytes(file: ExportFile): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(file.body).arrayBuffer());
}
