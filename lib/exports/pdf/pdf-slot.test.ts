import { afterEach, describe, expect, it, vi } from "vitest";
import { PdfBusyError, withPdfSlot } from "./render-pdf";

/** A task that runs until released, recording when it started. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    release,
    run: () =>
      withPdfSlot(async () => {
        log.push(`start ${name}`);
        await done;
        log.push(`end ${name}`);
        return name;
      }),
  };
}

describe("PDF slots", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("makes one PDF at a time, lets PDF_QUEUE wait in order, and refuses the rest before they start", async () => {
    vi.stubEnv("PDF_QUEUE", "2");
    const log: string[] = [];
    const [a, b, c, d] = ["a", "b", "c", "d"].map((n) => gate(log, n));
    const running = [a.run(), b.run(), c.run()];
    await expect(d.run()).rejects.toBeInstanceOf(PdfBusyError);
    await Promise.resolve();
    expect(log).toEqual(["start a"]);
    a.release();
    b.release();
    c.release();
    expect(await Promise.all(running)).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    // Free again, and a failure frees the slot too.
    await expect(withPdfSlot(async () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    expect(await withPdfSlot(async () => "after")).toBe("after");
  });
});
