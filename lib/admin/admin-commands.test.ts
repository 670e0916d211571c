// npm run admin (issue 24, headless installs): each command against a real database, its refusals
// naming the option and exiting 1.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyCredentials } from "../auth/verify-credentials";
import { auditEntries } from "../testing/audit-entries";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { redeemPasswordReset } from "../accounts/redeem-password-reset";
import { runAdmin } from "./admin-commands";

describe.each(inject("engines"))("npm run admin on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  async function admin(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(argv, db.prisma, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("takes an empty install to a program with its team", async () => {
    expect((await admin("list")).out).toBe("No programs and no accounts yet.");
    const made = await admin("create-user", "--email", "Owner@Team.test", "--name", "Olive");
    expect(made.code).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(made.out)![1];
    expect(
      await verifyCredentials(db.prisma, { email: "owner@team.test", password }),
    ).toMatchObject({
      email: "owner@team.test",
    });
    expect(
      await admin(
        "create-user",
        "--email",
        "vic@team.test",
        "--name",
        "Vic",
        "--password",
        "violet-lantern-orbit-47",
      ),
    ).toMatchObject({ code: 0 });
    expect(
      await admin(
        "create-program",
        "--name",
        "Team Partners",
        "--timezone",
        "Europe/Berlin",
        "--currency",
        "eur",
        "--owner",
        "owner@team.test",
      ),
    ).toMatchObject({ code: 0, out: expect.stringContaining("team-partners") });
    expect(
      await admin(
        "add-member",
        "--program",
        "team-partners",
        "--email",
        "vic@team.test",
        "--role",
        "viewer",
      ),
    ).toMatchObject({ code: 0 });
    expect(
      await admin(
        "set-role",
        "--program",
        "team-partners",
        "--email",
        "vic@team.test",
        "--role",
        "manager",
      ),
    ).toMatchObject({ code: 0 });
    expect((await admin("list")).out).toBe(
      [
        "team-partners  Team Partners  (Europe/Berlin, EUR)",
        "  owner    owner@team.test",
        "  manager  vic@team.test",
      ].join("\n"),
    );
    // Membership changes made here are in the program's audit log, by "npm run admin".
    const program = await db.prisma.program.findUniqueOrThrow({ where: { slug: "team-partners" } });
    const vic = await db.prisma.user.findUniqueOrThrow({ where: { email: "vic@team.test" } });
    expect(await auditEntries(db.prisma, program.id)).toEqual([
      {
        kind: "members.added",
        actorUserId: null,
        actorLabel: "npm run admin",
        summary: "Added vic@team.test as viewer",
        details: { userId: vic.id, email: "vic@team.test", role: "viewer" },
      },
      {
        kind: "members.role_changed",
        actorUserId: null,
        actorLabel: "npm run admin",
        summary: "Changed vic@team.test from viewer to manager",
        details: { userId: vic.id, email: "vic@team.test", from: "viewer", to: "manager" },
      },
    ]);
  });

  it("refuses bad input naming the option, with exit code 1", async () => {
    // Its own team, so this test runs alone as well.
    await admin("create-user", "--email", "owner2@team.test", "--name", "Oona");
    await admin("create-user", "--email", "vic2@team.test", "--name", "Vicky");
    await admin(
      "create-program",
      ...[
        "--name",
        "Second Team",
        "--timezone",
        "UTC",
        "--currency",
        "USD",
        "--owner",
        "owner2@team.test",
      ],
    );
    const cases: [string[], RegExp][] = [
      [
        ["create-user", "--email", "x2@team.test", "--name", "X", "--password", "short"],
        /--password: Use at least 12/,
      ],
      [
        ["create-user", "--email", "not-an-email", "--name", "X"],
        /--email: must be an email address/,
      ],
      [["create-user", "--name", "X"], /missing --email/],
      [
        [
          "create-program",
          "--name",
          "P",
          "--timezone",
          "Mars/Base",
          "--currency",
          "EUR",
          "--owner",
          "owner2@team.test",
        ],
        /--timezone: is not a time zone/,
      ],
      [
        [
          "create-program",
          "--name",
          "P",
          "--timezone",
          "UTC",
          "--currency",
          "EURO",
          "--owner",
          "owner2@team.test",
        ],
        /--currency: is not an ISO 4217/,
      ],
      [
        [
          "create-program",
          "--name",
          "P",
          "--timezone",
          "UTC",
          "--currency",
          "EUR",
          "--owner",
          "nobody@team.test",
        ],
        /--owner: no account/,
      ],
      [
        ["add-member", "--program", "nope", "--email", "vic2@team.test", "--role", "viewer"],
        /--program: no program with slug "nope"/,
      ],
      [
        ["add-member", "--program", "second-team", "--email", "vic2@team.test", "--role", "boss"],
        /--role: must be one of/,
      ],
      [
        ["set-role", "--program", "second-team", "--email", "owner2@team.test", "--role", "viewer"],
        /last owner/,
      ],
      [
        ["create-user", "--email", "Owner2@team.test", "--name", "Again"],
        /--email: an account with owner2@team.test exists/,
      ],
      [["reset-password", "--email", "nobody@team.test"], /--email: no account with/],
      [["reset-password"], /missing --email/],
      [["create-user", "--bogus", "1"], /^npm run admin create-user: unknown option '--bogus'\n/],
      [["frobnicate"], /^npm run admin: unknown command 'frobnicate'\n/],
    ];
    for (const [argv, message] of cases) {
      const result = await admin(...argv);
      expect(result.code, argv.join(" ")).toBe(1);
      expect(result.err, argv.join(" ")).toMatch(message);
    }
    expect((await admin("create-user", "--help")).out).toMatch(/create-user --email <email>/);
    // Refusals changed nothing, so the log holds nothing.
    const second = await db.prisma.program.findUniqueOrThrow({ where: { slug: "second-team" } });
    expect(await auditEntries(db.prisma, second.id)).toEqual([]);
  });

  it("prints a one-time reset link that sets a new password once", async () => {
    await admin("create-user", "--email", "rita@team.test", "--name", "Rita");
    const printed = await admin("reset-password", "--email", "RITA@team.test");
    expect(printed.code).toBe(0);
    const token = /\/reset-password\/(\S+)$/.exec(printed.out)![1];
    const first = await redeemPasswordReset(db.prisma, token, "quiet-lantern-orbit-77");
    expect(first).toEqual({ ok: true, email: "rita@team.test" });
    expect(
      await verifyCredentials(db.prisma, {
        email: "rita@team.test",
        password: "quiet-lantern-orbit-77",
      }),
    ).not.toBeNull();
    const again = await redeemPasswordReset(db.prisma, token, "quiet-lantern-orbit-78");
    expect(again).toMatchObject({ ok: false, field: "token" });
  });
});
