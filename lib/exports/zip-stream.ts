import { Zip, ZipDeflate } from "fflate";
import { csvLines } from "./csv";

interface ZipEntry {
  name: string;
  /** A CSV: header and the parts of its body, read lazily. */
  csv?: { header: string[]; parts: AsyncIterable<Uint8Array>[] };
  text?: string;
}

/**
 * A zip archive streamed entry by entry and chunk by chunk: each CSV chunk is compressed as soon
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
        for (const part of entry.csv.parts) {
          for await (const bytes of part) {
            file.push(bytes);
            yield;
          }
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
