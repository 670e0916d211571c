import { Zip, ZipDeflate } from "fflate";
import { csvLines } from "./csv";

export interface ZipEntry {
  name: string;
  /** A CSV: header and lazily read batches. */
  csv?: { header: string[]; rows: AsyncIterable<unknown[][]> };
  text?: string;
}

/**
 * A zip archive streamed entry by entry and batch by batch: each CSV batch is compressed as soon
 * as it is read, and the next is read only when the client has taken the previous output.
 */
export function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const queue: Uint8Array[] = [];
  let finished = false;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else queue.push(chunk);
    if (final) finished = true;
  });

  async function* work() {
    for (const entry of entries) {
      const file = new ZipDeflate(entry.name, { level: 6 });
      zip.add(file);
      if (entry.text !== undefined) {
        file.push(encoder.encode(entry.text), true);
      } else if (entry.csv) {
        file.push(encoder.encode(`\uFEFF${csvLines([entry.csv.header])}`));
        for await (const batch of entry.csv.rows) {
          file.push(encoder.encode(csvLines(batch)));
          yield;
        }
        file.push(new Uint8Array(0), true);
      }
      yield;
    }
    zip.end();
  }
  const steps = work();

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (queue.length === 0 && !finished && !failure) {
        const { done } = await steps.next();
        if (done && queue.length === 0 && !finished) break;
      }
      if (failure) return controller.error(failure);
      if (queue.length) controller.enqueue(queue.shift()!);
      else if (finished) controller.close();
    },
    async cancel() {
      await steps.return(undefined);
    },
  });
}
