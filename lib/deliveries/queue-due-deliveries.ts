import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { nextRunAfter, type Frequency } from "../time/schedule-time";

interface DueSchedule {
  program_id: number;
  id: number;
  frequency: Frequency;
  weekday: number | null;
  month_day: number | null;
  time_of_day: number;
  next_run_at: Date;
  timezone: string;
}

/**
 * Turns every schedule due at `now` into one delivery and moves it to its next run after `now`.
 * Schedules are locked with SKIP LOCKED, and a due time has one delivery (unique key), so
 * several processes may run this at once. A schedule that missed several runs while the app was
 * down gets one delivery, due at the first it missed; the rest are skipped.
 */
export async function queueDueDeliveries(prisma: PrismaClient, now: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    // Across programs by nature (like the analytics outbox drain); what follows is per program.
    const due = await tx.$queryRaw<DueSchedule[]>`
      SELECT s.program_id, s.id, s.frequency::text AS frequency, s.weekday, s.month_day,
             s.time_of_day, s.next_run_at, p.timezone
      FROM delivery_schedules s JOIN programs p ON p.id = s.program_id
      WHERE s.next_run_at <= ${now}
      ORDER BY s.next_run_at LIMIT 100
      FOR UPDATE OF s SKIP LOCKED`;
    for (const s of due) {
      await tx.$executeRaw`
        INSERT INTO deliveries (program_id, schedule_id, due_at, next_attempt_at)
        VALUES (${s.program_id}, ${s.id}, ${s.next_run_at}, ${s.next_run_at})
        ON CONFLICT DO NOTHING`;
      const rule = {
        frequency: s.frequency,
        weekday: s.weekday,
        monthDay: s.month_day,
        timeOfDay: s.time_of_day,
      };
      const next = new Date(nextRunAfter(rule, now.getTime(), s.timezone));
      await tx.$executeRaw`UPDATE delivery_schedules SET next_run_at = ${next}
        WHERE program_id = ${s.program_id} AND id = ${s.id}`;
    }
    return due.length;
  });
}
