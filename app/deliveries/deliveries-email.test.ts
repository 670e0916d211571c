import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  inject,
  it,
  vi,
} from "vitest";
import { POST as unsubscribe } from "@/app/unsubscribe/[token]/one-click/route";
import { buildExport } from "@/lib/exports/build-export";
import { exportResponse } from "@/lib/exports/export-response";
import {
  deliveryContext,
  scheduleOf,
  seedDeliveryProgram,
  TEST_SECRET,
} from "@/lib/testing/delivery-fixture";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/smtp-sink";
import { postgresTabSources } from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { runDeliveries } from "@/lib/deliveries/run-deliveries";

type World = Awaited<ReturnType<typeof seedDeliveryProgram>>;

const at = (iso: string) => () => new Date(iso);

/** The download of the same URL at the same instant, as the ⋮ menu's route would answer it. */
async function download(db: TestDatabase, world: World, file: string, now: string) {
  const query = new URLSearchParams(world.view.query);
  const response = await exportResponse(
    () => buildExport(postgresTabSources(db), world.program, file, query, Date.parse(now)),
    { href: "/" },
  );
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const csvRows = (bytes: Buffer) => {
  const parsed = Papa.parse<string[]>(bytes.toString("utf8").replace(/^\uFEFF/, ""), {
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

const pdfText = async (bytes: Buffer) => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: true,
  });
  return (text as string).replace(/\s+/g, " ");
};

const deliveries = (db: TestDatabase, programId: number) =>
  db.prisma.delivery.findMany({ where: { programId }, orderBy: { id: "asc" } });

describe.each(inject("engines"))("scheduled deliveries by email, on %s", (engine) => {
  // The scheduler serves every program of its database: each test has a database of its own.
  let db: TestDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    vi.stubEnv("NEXTAUTH_SECRET", TEST_SECRET);
    sink = await startSmtpSink();
  });
  beforeEach(async () => {
    db = await createTestDatabase(engine);
  });
  afterEach(() => db.close());
  afterAll(async () => {
    vi.unstubAllEnvs();
    await sink.close();
  });

  it("sends at 09:00 New York time the file the download of the same URL gives at that instant", async () => {
    const world = await seedDeliveryProgram(db);
    const ctx = deliveryContext(db, sink);
    // Created the Wednesday before the spring-forward weekend: due Monday 09:00 EDT (13:00 UTC).
    const schedule = await scheduleOf(db, world, {}, Date.parse("2026-03-04T00:00:00Z"));
    expect(schedule.nextRunAt.toISOString()).toBe("2026-03-09T13:00:00.000Z");

    const before = sink.messages.length;
    expect(await runDeliveries(ctx, at("2026-03-09T12:59:30Z"))).toMatchObject({
      queued: 0,
      sent: 0,
    });
    expect(sink.messages.length).toBe(before);

    const sendAt = "2026-03-09T13:00:20Z";
    expect(await runDeliveries(ctx, at(sendAt))).toMatchObject({ queued: 1, sent: 1 });
    const mail = sink.messages.at(-1)!;
    expect(sink.messages.length).toBe(before + 1);
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe(world.owner.email);
    expect(mail.subject).toContain("Weekly signups");
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    // Named after the saved view ("Weekly signups"), as the schedule sends it.
    expect(attachment.filename).toBe(`${world.program.slug}_table_weekly-signups_2026-03-09.csv`);
    const expected = await download(db, world, "table.csv", sendAt);
    const rows = csvRows(attachment.content);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows).toEqual(csvRows(expected));
    expect(attachment.content.equals(expected)).toBe(true);

    const [row] = await deliveries(db, world.program.id);
    expect(row).toMatchObject({
      status: "sent",
      attempts: 1,
      recipients: [world.owner.email],
      fileName: attachment.filename,
      fileBytes: expected.length,
      error: null,
    });
    expect(row.dueAt.toISOString()).toBe("2026-03-09T13:00:00.000Z");
    const moved = await db.prisma.deliverySchedule.findFirstOrThrow({
      where: { programId: world.program.id },
    });
    expect(moved.nextRunAt.toISOString()).toBe("2026-03-16T13:00:00.000Z");
    // Running again at the same instant sends nothing more.
    expect(await runDeliveries(ctx, at(sendAt))).toMatchObject({ queued: 0, sent: 0 });
  });

  it("attaches the whole-tab PDF as downloaded, one email per recipient, each with its own unsubscribe link", async () => {
    const world = await seedDeliveryProgram(db, 2);
    const ctx = deliveryContext(db, sink);
    await scheduleOf(
      db,
      world,
      {
        frequency: "daily",
        time: 7 * 60,
        file: "tab.pdf",
        recipients: [world.owner.email, world.viewer.email],
      },
      Date.parse("2026-03-10T00:00:00Z"),
    );
    const sendAt = "2026-03-10T11:00:05Z";
    const before = sink.messages.length;
    expect(await runDeliveries(ctx, at(sendAt))).toMatchObject({ sent: 1 });
    const mails = sink.messages.slice(before);
    expect(mails.map((m) => (m.to && "text" in m.to ? m.to.text : ""))).toEqual([
      world.owner.email,
      world.viewer.email,
    ]);
    const expectedText = await pdfText(await download(db, world, "tab.pdf", sendAt));
    expect(expectedText).toContain("Actions tab");
    for (const mail of mails) {
      expect(mail.attachments[0].contentType).toBe("application/pdf");
      expect(await pdfText(mail.attachments[0].content)).toBe(expectedText);
    }
    const links = mails.map((m) => {
      // mailparser gathers the List-* headers under "list".
      // The raw header (mailparser reshapes List-*): one-click POST goes to this URL (RFC 8058).
      const raw = m.headerLines.find((l) => l.key === "list-unsubscribe")?.line ?? "";
      const oneClick = /<(https:[^>]+)>/.exec(raw)?.[1] ?? "";
      expect(oneClick).toMatch(
        /^https:\/\/actionboard\.example\.test\/unsubscribe\/[^/]+\/one-click$/,
      );
      expect(m.headers.get("list")).toMatchObject({
        "unsubscribe-post": { name: "List-Unsubscribe=One-Click" },
      });
      // The text's link is the confirmation page of the same token.
      const url = oneClick.replace(/\/one-click$/, "");
      expect(m.text!.split(/\s+/)).toContain(url);
      return url;
    });
    expect(new Set(links).size).toBe(2);

    // The viewer's one-click unsubscribe removes the viewer from this schedule only.
    const token = new URL(links[1]).pathname.split("/")[2];
    const answer = await unsubscribe.on(db)(
      new Request(`${links[1]}/one-click`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(answer.status).toBe(200);
    const schedules = await db.prisma.deliverySchedule.findMany({
      where: { programId: world.program.id },
    });
    expect(schedules.map((s) => s.recipients)).toEqual([[world.owner.email]]);
    const forged = await unsubscribe.on(db)(new Request("http://x/", { method: "POST" }), {
      params: Promise.resolve({ token: `${token.split(".")[0]}.AAAA` }),
    });
    expect(forged.status).toBe(404);

    const next = sink.messages.length;
    await runDeliveries(ctx, at("2026-03-11T11:00:05Z"));
    expect(sink.messages.slice(next).map((m) => (m.to && "text" in m.to ? m.to.text : ""))).toEqual(
      [world.owner.email],
    );
  });

  it("retries a refused message with backoff, then gives up and shows the error", async () => {
    const world = await seedDeliveryProgram(db, 3);
    const ctx = deliveryContext(db, sink, { retryDelaysMs: [60_000, 600_000] });
    await scheduleOf(
      db,
      world,
      { frequency: "daily", time: 0 },
      Date.parse("2026-03-10T00:00:00Z"),
    );
    const due = Date.parse("2026-03-10T04:00:00Z"); // midnight in New York
    const after = (s: number) => () => new Date(due + s * 1000);
    const statuses = async () =>
      (await deliveries(db, world.program.id)).map((d) => [d.status, d.attempts]);

    sink.failNext(1);
    const before = sink.messages.length;
    await runDeliveries(ctx, after(1));
    expect(await statuses()).toEqual([["retrying", 1]]);
    const [retrying] = await deliveries(db, world.program.id);
    expect(retrying.error).toMatch(/451|Try again later/);
    expect(retrying.nextAttemptAt.getTime()).toBe(due + 1000 + 60_000);
    await runDeliveries(ctx, after(60));
    expect(await statuses()).toEqual([["retrying", 1]]);
    await runDeliveries(ctx, after(61));
    expect(await statuses()).toEqual([["sent", 2]]);
    expect(sink.messages.length).toBe(before + 1);

    // The next day's delivery fails at every attempt: failed after the last retry.
    sink.failNext(99);
    const day = 86_400;
    await runDeliveries(ctx, after(day + 1));
    await runDeliveries(ctx, after(day + 61));
    expect((await statuses()).at(-1)).toEqual(["retrying", 2]);
    await runDeliveries(ctx, after(day + 61 + 600));
    const last = (await deliveries(db, world.program.id)).at(-1)!;
    expect([last.status, last.attempts]).toEqual(["failed", 3]);
    expect(last.error).toMatch(/Sending to .* failed/);
    await runDeliveries(ctx, after(day + 3600));
    expect((await deliveries(db, world.program.id)).at(-1)!.attempts).toBe(3);
    sink.failNext(0);
    expect(sink.messages.length).toBe(before + 1);
  });

  it("sends a delivery that fell due while the app was down once, when it is back", async () => {
    const world = await seedDeliveryProgram(db, 4);
    await scheduleOf(
      db,
      world,
      { frequency: "daily", time: 9 * 60 },
      Date.parse("2026-03-10T00:00:00Z"),
    );
    // Down from before Tuesday's 09:00 until Friday 10:00: three due times missed.
    const restart = deliveryContext(db, sink);
    const before = sink.messages.length;
    expect(await runDeliveries(restart, at("2026-03-13T14:00:00Z"))).toMatchObject({
      queued: 1,
      sent: 1,
    });
    expect(await runDeliveries(restart, at("2026-03-13T14:00:30Z"))).toMatchObject({
      queued: 0,
      sent: 0,
    });
    expect(sink.messages.length).toBe(before + 1);
    const rows = await deliveries(db, world.program.id);
    expect(rows.map((r) => [r.status, r.dueAt.toISOString()])).toEqual([
      ["sent", "2026-03-10T13:00:00.000Z"],
    ]);
    const schedule = await db.prisma.deliverySchedule.findFirstOrThrow({
      where: { programId: world.program.id },
    });
    expect(schedule.nextRunAt.toISOString()).toBe("2026-03-14T13:00:00.000Z");
  });

  it("fails at once, without retries, when the server has no SMTP_URL", async () => {
    const world = await seedDeliveryProgram(db, 5);
    await scheduleOf(
      db,
      world,
      { frequency: "daily", time: 0 },
      Date.parse("2026-03-10T00:00:00Z"),
    );
    await runDeliveries(deliveryContext(db, null), at("2026-03-10T04:00:01Z"));
    const [row] = await deliveries(db, world.program.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.error).toMatch(/SMTP_URL/);
  });
});
