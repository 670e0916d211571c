import Papa from "papaparse";

/** Spreadsheets run text starting with these as formulas; such cells get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: unknown): unknown {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV lines (quoted where needed, formula-safe) for a batch of rows. Lines end in LF, as the
 * database engines write theirs (COPY, FORMAT CSV), so a file never mixes line endings.
 */
export function csvLines(rows: unknown[][]): string {
  if (rows.length === 0) return "";
  return (
    Papa.unparse(
      rows.map((row) => row.map(neutralizeCell)),
      { newline: "\n", header: false },
    ) + "\n"
  );
}

const encoder = new TextEncoder();

/** Rows formatted in JavaScript (the small tiles, a totals row) as CSV bytes. */
export async function* csvBytes(rows: () => Promise<unknown[][]>): AsyncGenerator<Uint8Array> {
  yield encoder.encode(csvLines(await rows()));
}

/** Enough bytes per chunk that a download costs a handful of stream operations per megabyte. */
const CHUNK = 256 * 1024;

/**
 * A CSV file as a pull-based byte stream: a UTF-8 BOM (so spreadsheet apps read UTF-8), the
 * header, then each part's bytes as the database writes them. A part is read only when the
 * client has taken what came before, so memory stays flat however many rows there are.
 */
export function csvStream(
  header: string[],
  parts: AsyncIterable<Uint8Array>[],
): ReadableStream<Uint8Array> {
  async function* all() {
    yield encoder.encode(`\uFEFF${csvLines([header])}`);
    for (const part of parts) yield* part;
  }
  const iterator = all();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const pending: Uint8Array[] = [];
      let size = 0;
      while (size < CHUNK) {
        const next = await iterator.next();
        if (next.done) break;
        pending.push(next.value);
        size += next.value.byteLength;
      }
      if (size > 0) controller.enqueue(pending.length === 1 ? pending[0] : Buffer.concat(pending));
      if (size < CHUNK) controller.close();
    },
    async cancel() {
      await iterator.return(undefined);
      // Parts not yet reached may hold a started statement (see `primed`): end those too.
      for (const part of parts) await part[Symbol.asyncIterator]().return?.();
    },
  });
}

/**
 * Reads a part's first chunk now, so a statement that fails at once fails before the response
 * starts (an error page, not a truncated file), and the response starts when the file does.
 * Ending the result ends the source, even if its reading never resumed.
 */
export async function primed(
  source: AsyncIterable<Uint8Array>,
): Promise<AsyncIterable<Uint8Array>> {
  const iterator = source[Symbol.asyncIterator]();
  let first: IteratorResult<Uint8Array> | null = await iterator.next();
  const rest: AsyncIterableIterator<Uint8Array> = {
    next: () => {
      const result = first;
      first = null;
      return result ? Promise.resolve(result) : iterator.next();
    },
    return: async () => {
      first = null;
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => rest,
  };
  return rest;
}
