// First run (issue 24): on an instance without accounts, /setup makes the first owner and program
// in one transaction; two setups at once end with exactly one owner (the database decides); once
// an account exists setup is over; the log's link carries a token only the server knows.
import { afterEach, describe, expect, inject, it } from "vitest";
import { verifyCredentials } from "../auth/verify-credentials";
import { openDatabase } from "../db/open";
import { createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { announceSetup } from "./announce-setup";
import { ALREADY_SET_UP, completeSetup, setupInput } from "./complete-setup";
import { needsSetup } from "./needs-setup";
import { setupToken, setupTokenMatches } from "./setup-token";

const form = (overrides: Record<string, string> = {}) => ({
  ownerName: "Olive Owner",
  email: "Olive@Team.test",
  password: "marble-orchard-tundra-58",
  name: "Team Partners",
  slug: "",
  timezone: "Europe/Berlin",
  currency: "eur",
  ...overrides,
});

describe("setup input", () => {
  it("names every bad field, the person's name as ownerName", () => {
    const bad = setupInput.safeParse(
      form({
        email: "nope",
        password: "short",
        name: "",
        timezone: "Mars/Base",
        currency: "XX",
      }),
    );
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(
      ["currency", "email", "name", "password", "timezone"].sort(),
    );
    const good = setupInput.parse(form());
    expect(good.program).toEqual({
      name: "Team Partners",
      slug: "team-partners",
      timezone: "Europe/Berlin",
      currency: "EUR",
    });
    expect(good.account.email).toBe("olive@team.test");
  });
});

describe("setup token", () => {
  it("is SETUP_TOKEN when set, else one random token per process, compared exactly", () => {
    expect(setupToken({ SETUP_TOKEN: " chosen-token " })).toBe("chosen-token");
    const made = setupToken({});
    expect(made).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(setupToken({})).toBe(made);
    expect(setupTokenMatches(made, {})).toBe(true);
    expect(setupTokenMatches(`${made}x`, {})).toBe(false);
    expect(setupTokenMatches("", {})).toBe(false);
    expect(setupTokenMatches(undefined, {})).toBe(false);
    expect(setupTokenMatches(["chosen-token"], { SETUP_TOKEN: "chosen-token" })).toBe(false);
  });
});

describe.each(inject("engines"))("first-run setup on %s", (engine) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("prints the link while no account exists, makes owner and program, then is over", async () => {
    db = await createTestDatabase(engine);
    const log: string[] = [];
    const env = { SETUP_TOKEN: "tok-123", NEXTAUTH_URL: "https://ab.example.test/" };
    expect(await needsSetup(db.prisma)).toBe(true);
    expect(await announceSetup(db.prisma, (l) => log.push(l), env)).toBe(true);
    expect(log.join("\n")).toContain("https://ab.example.test/setup?token=tok-123");

    const done = await completeSetup(db.prisma, setupInput.parse(form()));
    expect(done).toMatchObject({ ok: true, program: { slug: "team-partners" } });
    const programId = done.ok ? done.program.id : 0;
    expect(
      await verifyCredentials(db.prisma, {
        email: "olive@team.test",
        password: "marble-orchard-tundra-58",
      }),
    ).not.toBeNull();
    expect(
      await db.prisma.membership.findMany({ where: { programId }, select: { role: true } }),
    ).toEqual([{ role: "owner" }]);
    expect(await db.prisma.group.count({ where: { programId } })).toBe(1);
    expect(await needsSetup(db.prisma)).toBe(false);
    log.length = 0;
    expect(await announceSetup(db.prisma, (l) => log.push(l), env)).toBe(false);
    expect(log).toEqual([]);

    const again = await completeSetup(
      db.prisma,
      setupInput.parse(form({ email: "second@team.test", slug: "other" })),
    );
    expect(again).toEqual({ ok: false, message: ALREADY_SET_UP });
    expect(await db.prisma.user.count()).toBe(1);
    expect(await db.prisma.program.count()).toBe(1);
  });

  it("refuses setup on an instance that has an account made another way", async () => {
    db = await createTestDatabase(engine);
    await createUser(db.prisma);
    expect(await completeSetup(db.prisma, setupInput.parse(form()))).toEqual({
      ok: false,
      message: ALREADY_SET_UP,
    });
    expect(await db.prisma.program.count()).toBe(0);
    expect(await db.prisma.user.count()).toBe(1);
  });

  it("two setups at once: exactly one owner, the other told why", async () => {
    for (let round = 0; round < 2; round++) {
      db = await createTestDatabase(engine);
      // Two server processes: on PostgreSQL, each setup through its own connection pool.
      const second = db.url ? await openDatabase({ engine: "postgres", url: db.url }) : db;
      try {
        const results = await Promise.all([
          completeSetup(
            db.prisma,
            setupInput.parse(form({ email: "a@team.test", slug: "team-a" })),
          ),
          completeSetup(
            second.prisma,
            setupInput.parse(form({ email: "b@team.test", slug: "team-b" })),
          ),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.find((r) => !r.ok)).toEqual({ ok: false, message: ALREADY_SET_UP });
        expect(await db.prisma.user.count()).toBe(1);
        expect(await db.prisma.program.count()).toBe(1);
        expect(await db.prisma.membership.count({ where: { role: "owner" } })).toBe(1);
      } finally {
        if (second !== db) await second.close();
        await db.close();
        db = undefined;
      }
    }
  });
});
