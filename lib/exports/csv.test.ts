import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvBytes, csvStream, primed } from "./csv";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("CSV files", () => {
  it("starts with a BOM and the header, then every part in order", async () => {
    async function* rows() {
      yield bytes("a,1\n");
      yield bytes("b,2\n");
    }
    const file = new Uint8Array(
      await new Response(
        csvStream(["Name", "N"], [rows(), csvBytes(async () => [["=total", 3]])]),
      ).arrayBuffer(),
    );
    expect([...file.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.slice(3));
    expect(Papa.parse(text, { skipEmptyLines: true }).data).toEqual([
      ["Name", "N"],
      ["a", "1"],
      ["b", "2"],
      ["'=total", "3"],
    ]);
  });

  it("fails before the response when the first chunk fails, and ends a source it started", async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      throw new Error("relation does not exist");
    }
    await expect(primed(broken())).rejects.toThrow("relation does not exist");

    let ended = false;
    async function* source() {
      try {
        yield bytes("first\n");
        yield bytes("second\n");
      } finally {
        ended = true;
      }
    }
    const stream = csvStream(["h"], [await primed(source())]);
    // The client goes away before reading the body: the started statement is ended all the same.
    await stream.cancel();
    expect(ended).toBe(true);
  });
});
