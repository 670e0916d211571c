import Papa from "papaparse";

/** Spreadsheets run text starting with these as formulas; such cells get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: unknown): unknown {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180 lines (CRLF, quoted where needed) for a batch of rows, formula-safe. */
export function csvLines(rows: unknown[][]): string {
  if (rows.length === 0) return "";
  return (
    Papa.unparse(
      rows.map((row) => row.map(neutralizeCell)),
      { newline: "\r\n", header: false },
    ) + "\r\n"
  );
}

/**
 * A CSV file as a pull-based byte stream: the next batch is read from the database only when the
 * client has taken the previous one, so memory stays flat however many rows there are.
 */
export function csvStream(
  header: string[],
  batches: AsyncIterable<unknown[][]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // A BOM so spreadsheet apps read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvLines([header])}`));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
