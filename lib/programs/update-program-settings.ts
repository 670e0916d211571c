import "server-only";
import { nextCheckAfter, type AlertFrequency } from "../alerts/alert-periods";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { nextRunAfter, type Frequency } from "../time/schedule-time";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { lockProgramSlugs } from "./lock-program-slugs";
import type { ProgramInput } from "./program-input";

export type ProgramSettingsField = "name" | "slug" | "timezone" | "currency";

export type UpdateProgramSettingsResult =
  | { ok: true; slug: string; changed: ProgramSettingsField[] }
  | { ok: false; field: ProgramSettingsField; message: string };

export const CURRENCY_LOCKED =
  "cannot change once the program has rewards: they were earned in the current currency";

/**
 * Saves a program's name, zone, currency and slug in one transaction, with one audit entry for
 * the settings and one for a new slug. The program row is locked first, so no reward can be
 * written between the check that there is none and a change of currency (a reward's insert waits
 * on that lock through its foreign key). A slug is refused when another program has it or had it;
 * the old slug becomes a redirect, and taking back one of the program's own old slugs works.
 * A new zone moves every delivery schedule's next run to its time in that zone.
 */
export async function updateProgramSettings(
  prisma: PrismaClient,
  programId: number,
  actor: AuditActor,
  input: ProgramInput,
): Promise<UpdateProgramSettingsResult> {
  try {
    return await save(prisma, programId, actor, input);
  } catch (error) {
    // The unique index had the last word (a slug claimed outside `lockProgramSlugs`).
    if ((error as { code?: string }).code !== "P2002") throw error;
    return { ok: false, field: "slug", message: taken(input.slug) };
  }
}

const taken = (slug: string) => `"${slug}" is taken by another program; choose another`;

async function save(
  prisma: PrismaClient,
  programId: number,
  actor: AuditActor,
  input: ProgramInput,
): Promise<UpdateProgramSettingsResult> {
  return prisma.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<
      { slug: string; name: string; timezone: string; currency: string }[]
    >`SELECT slug, name, timezone, currency FROM programs WHERE id = ${programId} FOR UPDATE`;
    if (!before) return { ok: false, field: "name", message: "no such program" };
    const changed = (["name", "timezone", "currency", "slug"] as const).filter(
      (field) => input[field] !== before[field],
    );
    if (changed.length === 0) return { ok: true, slug: before.slug, changed };

    if (changed.includes("currency")) {
      const rewards = await tx.reward.count({ where: { programId } });
      if (rewards > 0) return { ok: false, field: "currency", message: CURRENCY_LOCKED };
    }
    if (changed.includes("slug")) {
      await lockProgramSlugs(tx);
      const [holder] = await tx.$queryRaw<{ program_id: number }[]>`
        SELECT id AS program_id FROM programs WHERE slug = ${input.slug}
        UNION ALL
        SELECT program_id FROM program_slug_redirects WHERE old_slug = ${input.slug}`;
      if (holder && holder.program_id !== programId) {
        return { ok: false, field: "slug", message: taken(input.slug) };
      }
      // Back to one of its own old slugs: that slug is the program's again, no longer a redirect.
      await tx.programSlugRedirect.deleteMany({ where: { oldSlug: input.slug } });
      await tx.programSlugRedirect.deleteMany({ where: { oldSlug: before.slug } });
      await tx.programSlugRedirect.create({ data: { programId, oldSlug: before.slug } });
    }
    await tx.program.update({
      where: { id: programId },
      data: {
        name: input.name,
        slug: input.slug,
        timezone: input.timezone,
        currency: input.currency,
      },
    });

    if (changed.includes("timezone")) {
      await moveSchedules(tx, programId, input.timezone);
      await moveAlerts(tx, programId, input.timezone);
    }

    const settings = changed.filter((field) => field !== "slug");
    if (settings.length > 0) {
      await recordAudit(tx, {
        programId,
        actor,
        kind: "program.updated",
        summary: `Changed ${settings.map((f) => LABELS[f]).join(", ")}`,
        details: Object.fromEntries(
          settings.map((f) => [f, { before: before[f], after: input[f] }]),
        ),
      });
    }
    if (changed.includes("slug")) {
      await recordAudit(tx, {
        programId,
        actor,
        kind: "program.slug_changed",
        summary: `Changed the slug from ${before.slug} to ${input.slug} (old links redirect)`,
        details: { before: before.slug, after: input.slug },
      });
    }
    return { ok: true, slug: input.slug, changed };
  });
}

const LABELS: Record<ProgramSettingsField, string> = {
  name: "the name",
  slug: "the slug",
  timezone: "the time zone",
  currency: "the currency",
};

/** Each schedule's next run, again, at its wall-clock time in the program's new zone. */
async function moveSchedules(tx: Prisma.TransactionClient, programId: number, timezone: string) {
  const schedules = await tx.$queryRaw<
    {
      id: number;
      frequency: Frequency;
      weekday: number | null;
      month_day: number | null;
      time_of_day: number;
    }[]
  >`SELECT id, frequency::text AS frequency, weekday, month_day, time_of_day
    FROM delivery_schedules WHERE program_id = ${programId} FOR UPDATE`;
  const now = Date.now();
  for (const s of schedules) {
    const rule = {
      frequency: s.frequency,
      weekday: s.weekday,
      monthDay: s.month_day,
      timeOfDay: s.time_of_day,
    };
    await tx.$executeRaw`UPDATE delivery_schedules
      SET next_run_at = ${new Date(nextRunAfter(rule, now, timezone))}
      WHERE program_id = ${programId} AND id = ${s.id}`;
  }
}

/** Each alert's next check, again, at the next local hour or midnight of the new zone. */
async function moveAlerts(tx: Prisma.TransactionClient, programId: number, timezone: string) {
  const alerts = await tx.$queryRaw<{ id: number; frequency: AlertFrequency }[]>`
    SELECT id, frequency::text AS frequency FROM alerts WHERE program_id = ${programId} FOR UPDATE`;
  const now = Date.now();
  for (const a of alerts) {
    await tx.$executeRaw`UPDATE alerts
      SET next_check_at = ${new Date(nextCheckAfter(a.frequency, now, timezone))}
      WHERE program_id = ${programId} AND id = ${a.id}`;
  }
}
