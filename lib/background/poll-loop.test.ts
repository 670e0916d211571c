// A background loop stops at a safe point: stopping aborts the pass under way and resolves once
// it has returned; no pass starts after; a process that is shutting down starts none; each pass
// is one log line (info when it did something) and counted in the job metrics.
import { afterEach, describe, expect, it } from "vitest";
import { captureLog } from "../testing/capture-log";
import { metrics } from "../observability/metrics.mjs";
import { startPollLoop } from "./poll-loop";
import { isShuttingDown, stopBackgroundWork, undoShutdown } from "./shutdown.mjs";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("background loops", () => {
  afterEach(() => undoShutdown());

  it("stop after the pass under way, which sees its signal abort", async () => {
    let passes = 0;
    let release!: () => void;
    let sawAbort = false;
    const loop = startPollLoop("test-stop", 10, async (signal) => {
      passes++;
      await new Promise<void>((resolve) => (release = resolve));
      sawAbort = signal.aborted;
    });
    await tick(5);
    expect(passes).toBe(1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await tick(20);
    // The pass has not returned yet: stopping waits for it.
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(sawAbort).toBe(true);
    await tick(30);
    expect(passes).toBe(1);
    loop.wake();
    await tick(5);
    expect(passes).toBe(1);
  });

  it("all stop at shutdown, and none starts once the process is stopping", async () => {
    const ran: string[] = [];
    for (const name of ["test-a", "test-b"]) {
      startPollLoop(name, 5, async (signal) => {
        await tick(20);
        ran.push(`${name}${signal.aborted ? " (stopped)" : ""}`);
      });
    }
    await tick(5);
    const stopped = await stopBackgroundWork();
    expect(stopped).toEqual(expect.arrayContaining(["test-a", "test-b"]));
    expect(isShuttingDown()).toBe(true);
    expect(ran.sort()).toEqual(["test-a (stopped)", "test-b (stopped)"]);
    await tick(30);
    expect(ran).toHaveLength(2);

    let late = 0;
    startPollLoop("test-late", 5, async () => void late++);
    await tick(20);
    expect(late).toBe(0);
  });

  it("logs each pass as a job run, and counts it", async () => {
    const { lines, undo } = captureLog();
    const runs = (outcome: string) =>
      metrics()
        .jobRuns.get()
        .then(
          (m) =>
            m.values.find((v) => v.labels.job === "test-job" && v.labels.outcome === outcome)
              ?.value ?? 0,
        );
    const before = { ok: await runs("ok"), failed: await runs("failed") };
    let pass = 0;
    let third!: () => void;
    const thirdStarted = new Promise<void>((resolve) => (third = resolve));
    const loop = startPollLoop(
      "Test-Job",
      5,
      async () => {
        pass++;
        if (pass === 2) throw new Error("source unreachable");
        if (pass === 3) third();
        return { sent: pass === 1 ? 2 : 0 };
      },
      "test-job",
    );
    // Three passes, however late the timers fire: stopping waits for the third to be logged.
    await thirdStarted;
    await loop.stop();
    undo();
    const mine = lines.filter((l) => l.job === "test-job");
    expect(mine[0]).toMatchObject({ level: 30, sent: 2, msg: "test-job: run" });
    expect(mine[1]).toMatchObject({ level: 50, msg: "test-job: source unreachable" });
    expect(mine[2]).toMatchObject({ level: 20, sent: 0 });
    expect(await runs("ok")).toBe(before.ok + pass - 1);
    expect(await runs("failed")).toBe(before.failed + 1);
  });
});
