// A program with actions (the tab fixture), members with addresses, a saved view, and what the
// scheduler needs to send: the test's database, a secret and an in-process SMTP sink.
import type { OpenDatabase } from "../db/open";
import { RETRY_DELAYS_MS, type DeliveryContext } from "../deliveries/delivery-context";
import { createSchedule } from "../deliveries/create-schedule";
import { deriveDeliverySecret } from "../deliveries/delivery-secret";
import type { ScheduleInput } from "../deliveries/schedule-input";
import nodemailer from "nodemailer";
import { createMember } from "./factories";
import type { SmtpSink } from "./smtp-sink";
import { seedTabProgram } from "./tab-fixture";
import { postgresTabSources } from "./test-analytics";

export const TEST_SECRET = "deliveries-test-secret";
export const BASE_URL = "https://actionboard.example.test";

export function deliveryContext(
  db: OpenDatabase,
  sink: SmtpSink | null,
  overrides: Partial<DeliveryContext> = {},
): DeliveryContext {
  return {
    db,
    sources: async () => postgresTabSources(db),
    secret: deriveDeliverySecret(TEST_SECRET),
    baseUrl: BASE_URL,
    mailer: sink ? nodemailer.createTransport(sink.url) : null,
    mailFrom: "Actionboard <reports@actionboard.example.test>",
    linkTtlMs: 3_600_000,
    retryDelaysMs: RETRY_DELAYS_MS,
    // The tests' receivers listen on 127.0.0.1.
    allowPrivateWebhooks: true,
    ...overrides,
  };
}

export async function seedDeliveryProgram(db: OpenDatabase, seed = 1) {
  const fixture = await db.withRunner((runner) => seedTabProgram(db.prisma, runner, seed));
  const { program } = fixture;
  const owner = await createMember(db.prisma, program.id, "owner");
  const viewer = await createMember(db.prisma, program.id, "viewer");
  const view = await db.prisma.savedView.create({
    data: {
      programId: program.id,
      userId: owner.id,
      name: "Weekly signups",
      query: "timeframe=past_7_days&sort=occurrences&dir=desc",
    },
  });
  return { ...fixture, owner, viewer, view };
}

/** A schedule as the form would store it (defaults: weekly Monday 09:00, table.csv by email). */
export function scheduleOf(
  db: OpenDatabase,
  world: Awaited<ReturnType<typeof seedDeliveryProgram>>,
  input: Partial<ScheduleInput>,
  now: number,
) {
  return createSchedule(
    db.prisma,
    world.program,
    world.owner,
    {
      savedViewId: world.view.id,
      frequency: "weekly",
      weekday: 1,
      monthDay: undefined,
      time: 9 * 60,
      file: "table.csv",
      channel: "email",
      recipients: [world.owner.email],
      webhookUrl: undefined,
      ...input,
    },
    now,
  );
}
