import { describe, expect, it } from "vitest";
import { describeRule, nextRunAfter, type ScheduleRule } from "./schedule-time";

const NY = "America/New_York";
// What New York's clocks show at an instant, read by Intl (independent of the code under test).
const localTime = (ms: number, timeZone = NY) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(ms);

/** Every run from `from` on, `count` of them, each found from the previous one (a fake clock). */
function runs(rule: ScheduleRule, from: string, count: number, timeZone = NY) {
  const out: number[] = [];
  let clock = Date.parse(from);
  for (let i = 0; i < count; i++) out.push((clock = nextRunAfter(rule, clock, timeZone)));
  return out;
}

describe("schedule times in the program's zone", () => {
  it("fires a weekly 09:00 New York schedule at 09:00 local on both sides of each DST change", () => {
    const weekly: ScheduleRule = {
      frequency: "weekly",
      weekday: 1,
      monthDay: null,
      timeOfDay: 540,
    };
    // Spring forward 2026-03-08, fall back 2026-11-01: Mondays before and after each.
    const spring = runs(weekly, "2026-02-25T00:00:00Z", 3);
    expect(spring.map((t) => localTime(t))).toEqual([
      "Mon, 2026-03-02, 09:00",
      "Mon, 2026-03-09, 09:00",
      "Mon, 2026-03-16, 09:00",
    ]);
    // 14:00 UTC in winter (EST, −5), 13:00 UTC in summer (EDT, −4).
    expect(spring.map((t) => new Date(t).toISOString())).toEqual([
      "2026-03-02T14:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
      "2026-03-16T13:00:00.000Z",
    ]);
    const autumn = runs(weekly, "2026-10-20T00:00:00Z", 3);
    expect(autumn.map((t) => new Date(t).toISOString())).toEqual([
      "2026-10-26T13:00:00.000Z",
      "2026-11-02T14:00:00.000Z",
      "2026-11-09T14:00:00.000Z",
    ]);
    // The gaps are a week minus or plus the hour the clocks moved.
    expect(spring[1] - spring[0]).toBe(7 * 86_400_000 - 3_600_000);
    expect(autumn[1] - autumn[0]).toBe(7 * 86_400_000 + 3_600_000);
  });

  it("sends a monthly schedule on the 31st on the last day of shorter months", () => {
    const monthly: ScheduleRule = {
      frequency: "monthly",
      weekday: null,
      monthDay: 31,
      timeOfDay: 9 * 60 + 30,
    };
    const dates = runs(monthly, "2027-01-01T00:00:00Z", 14).map((t) => localTime(t).slice(5));
    expect(dates).toEqual([
      "2027-01-31, 09:30",
      "2027-02-28, 09:30",
      "2027-03-31, 09:30",
      "2027-04-30, 09:30",
      "2027-05-31, 09:30",
      "2027-06-30, 09:30",
      "2027-07-31, 09:30",
      "2027-08-31, 09:30",
      "2027-09-30, 09:30",
      "2027-10-31, 09:30",
      "2027-11-30, 09:30",
      "2027-12-31, 09:30",
      "2028-01-31, 09:30",
      "2028-02-29, 09:30",
    ]);
  });

  it("runs a weekly schedule on the very day the clocks change, and a monthly one mid-month", () => {
    // Sundays 2026-03-08 (spring forward at 02:00) and 2026-11-01 (fall back at 02:00), 09:00.
    const sunday: ScheduleRule = {
      frequency: "weekly",
      weekday: 7,
      monthDay: null,
      timeOfDay: 540,
    };
    expect(runs(sunday, "2026-03-07T12:00:00Z", 1).map((t) => new Date(t).toISOString())).toEqual([
      "2026-03-08T13:00:00.000Z",
    ]);
    expect(runs(sunday, "2026-10-31T12:00:00Z", 1).map((t) => new Date(t).toISOString())).toEqual([
      "2026-11-01T14:00:00.000Z",
    ]);
    const fifteenth: ScheduleRule = {
      frequency: "monthly",
      weekday: null,
      monthDay: 15,
      timeOfDay: 0,
    };
    expect(runs(fifteenth, "2026-01-15T05:00:00Z", 3).map((t) => localTime(t).slice(5))).toEqual([
      "2026-02-15, 00:00",
      "2026-03-15, 00:00",
      "2026-04-15, 00:00",
    ]);
  });

  it("moves a daily time the spring-forward jump skips to the first minute after it", () => {
    const daily: ScheduleRule = {
      frequency: "daily",
      weekday: null,
      monthDay: null,
      timeOfDay: 150,
    };
    const times = runs(daily, "2026-03-07T00:00:00Z", 3).map((t) => localTime(t).slice(5));
    expect(times).toEqual(["2026-03-07, 02:30", "2026-03-08, 03:30", "2026-03-09, 02:30"]);
  });

  it("is strictly after the given instant, east and west of Greenwich", () => {
    const daily: ScheduleRule = { frequency: "daily", weekday: null, monthDay: null, timeOfDay: 0 };
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "Asia/Kolkata"]) {
      let clock = Date.parse("2026-06-01T00:00:00Z");
      for (let i = 0; i < 48; i++) {
        const next = nextRunAfter(daily, clock, zone);
        expect(next).toBeGreaterThan(clock);
        expect(localTime(next, zone).slice(-5)).toBe("00:00");
        // No midnight is skipped: the next one is at most a day (plus a DST hour) away.
        expect(next - clock).toBeLessThanOrEqual(25 * 3_600_000);
        clock += 13 * 3_600_000;
      }
    }
  });

  it("describes a rule in words", () => {
    expect(describeRule({ frequency: "weekly", weekday: 1, monthDay: null, timeOfDay: 540 })).toBe(
      "Every Monday at 09:00",
    );
    expect(describeRule({ frequency: "monthly", weekday: null, monthDay: 31, timeOfDay: 0 })).toBe(
      "Monthly on the 31st (or the month's last day) at 00:00",
    );
    expect(
      describeRule({ frequency: "daily", weekday: null, monthDay: null, timeOfDay: 1439 }),
    ).toBe("Every day at 23:59");
  });
});
