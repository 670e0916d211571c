import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildExport } from "../exports/build-export";
import { exportResponse } from "../exports/export-response";
import { deliveryContext, scheduleOf, seedDeliveryProgram } from "../testing/delivery-fixture";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import {
  openTestAnalytics,
  postgresTabSources,
  type TestAnalytics,
} from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { runDeliveries } from "./run-deliveries";

/** A zip's entries, CSVs as parsed rows (the engines quote differently, the cells are the same). */
const entries = (bytes: Uint8Array) =>
  Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => {
      const text = strFromU8(data).replace(/^\uFEFF/, "");
      return [name, name.endsWith(".csv") ? Papa.parse(text, { skipEmptyLines: true }).data : text];
    }),
  );

// The server builds files with its own engine: on ClickHouse the delivery must hold what the
// database itself answers for the same URL at the same instant.
const engine = inject("engines").includes("postgres") ? "postgres" : "pglite";

describe(`a delivery built by embedded ClickHouse, on ${engine}`, () => {
  let db: TestDatabase;
  let analytics: TestAnalytics;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    analytics = await openTestAnalytics("chdb", db);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await analytics.close();
    await Promise.all([db.close(), sink.close()]);
  });

  it("attaches the zip of every tile with the numbers PostgreSQL gives for the same view", async () => {
    const world = await seedDeliveryProgram(db);
    await db.prisma.savedView.update({
      where: { programId_id: { programId: world.program.id, id: world.view.id } },
      data: { query: "timeframe=any_time&sort=rewards&dir=desc" },
    });
    await analytics.sync();
    await scheduleOf(
      db,
      world,
      { frequency: "daily", time: 0, file: "tab.zip" },
      Date.parse("2026-03-10T00:00:00Z"),
    );
    const sendAt = Date.parse("2026-03-10T04:00:07Z");
    const ctx = deliveryContext(db, sink, {
      sources: async () => ({ db, analytics: { engine: analytics.engine, worker: null } }),
    });
    expect(await runDeliveries(ctx, () => new Date(sendAt))).toMatchObject({ sent: 1 });
    const attachment = sink.messages.at(-1)!.attachments[0];

    const query = new URLSearchParams("timeframe=any_time&sort=rewards&dir=desc");
    const fromDatabase = await exportResponse(
      () => buildExport(postgresTabSources(db), world.program, "tab.zip", query, sendAt),
      { href: "/" },
    );
    const expected = entries(new Uint8Array(await fromDatabase.arrayBuffer()));
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    expect((expected["actions-drill-down-rows.csv"] as unknown[]).length).toBeGreaterThan(10);
    expect(entries(new Uint8Array(attachment.content))).toEqual(expected);
  });
});
