// "Forgot password?" and `npm run admin -- reset-password` (issue 24): a link works once, for one
// hour; the answer is the same whether or not the address has an account; requests are limited
// per address asked for and per client; a new password ends every session of the account.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { verifyPassword } from "../security/password";
import { startUserSession } from "../auth/start-user-session";
import type { MailSettings } from "../mail/mail-settings";
import { mailSettingsFromEnv } from "../mail/mail-settings";
import { createUser } from "../testing/factories";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createPasswordReset, PASSWORD_RESET_TTL_MS } from "./create-password-reset";
import { readPasswordReset } from "./read-password-reset";
import { redeemPasswordReset } from "./redeem-password-reset";
import { requestPasswordReset } from "./request-password-reset";

const STRONG = "violet-harbor-tangent-41";
const unique = () => Math.random().toString(36).slice(2, 8);

async function waitFor<T>(read: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(inject("engines"))("password reset on %s", (engine) => {
  let db: TestDatabase;
  let sink: SmtpSink;
  let mail: MailSettings;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    sink = await startSmtpSink();
    vi.stubEnv("SMTP_URL", sink.url);
    vi.stubEnv("NEXTAUTH_URL", "https://ab.example.test/");
    mail = mailSettingsFromEnv();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await sink.close();
    await db.close();
  });

  const linkTo = (email: string) =>
    waitFor(() => {
      const message = sink.messages.find((m) => m.to && JSON.stringify(m.to).includes(email));
      return message?.text?.match(/https:\/\/ab\.example\.test\/reset-password\/(\S+)/)?.[1];
    });

  it("mails a one-hour link to an account, answers the same for an unknown address", async () => {
    const user = await createUser(db.prisma, { email: `ana-${unique()}@example.test` });
    const client = `10.0.0.${Math.floor(Math.random() * 200)}`;
    const known = await requestPasswordReset(
      db.prisma,
      { email: user.email.toUpperCase(), clientAddress: client },
      mail,
    );
    const unknown = await requestPasswordReset(
      db.prisma,
      { email: `nobody-${unique()}@example.test`, clientAddress: client },
      mail,
    );
    expect(known).toEqual({ status: "sent" });
    expect(unknown).toEqual(known);
    const token = await linkTo(user.email);
    const state = await readPasswordReset(db.prisma, token);
    expect(state).toMatchObject({ ok: true, userId: user.id });
    const stored = await db.prisma.passwordReset.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toBe(token); // only its hash is kept
    expect(stored[0].expiresAt.getTime() - stored[0].createdAt.getTime()).toBe(
      PASSWORD_RESET_TTL_MS,
    );
  });

  it("sets the password once, ends the account's sessions, and refuses the link again", async () => {
    const user = await createUser(db.prisma);
    const session = await startUserSession(db.prisma, user.id, 3600);
    const token = await createPasswordReset(db.prisma, user.id);
    const other = await createPasswordReset(db.prisma, user.id);

    const weak = await redeemPasswordReset(db.prisma, token, "password1234");
    expect(weak).toMatchObject({ ok: false, field: "password" });
    expect((await readPasswordReset(db.prisma, token)).ok).toBe(true); // not spent by a refusal

    expect(await redeemPasswordReset(db.prisma, token, STRONG)).toEqual({
      ok: true,
      email: user.email,
    });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(STRONG, row.passwordHash)).toBe(true);
    const ended = await db.prisma.userSession.findUniqueOrThrow({ where: { id: session } });
    expect(ended.endedAt).not.toBeNull();

    expect(await redeemPasswordReset(db.prisma, token, "another-violet-harbor-42")).toMatchObject({
      ok: false,
      field: "token",
      message: expect.stringContaining("used already"),
    });
    // The account's other open link was spent with it.
    expect((await readPasswordReset(db.prisma, other)).ok).toBe(false);
  });

  it("refuses an expired, tampered or unknown link", async () => {
    const user = await createUser(db.prisma);
    const issued = new Date(Date.now() - PASSWORD_RESET_TTL_MS - 1000);
    const old = await createPasswordReset(db.prisma, user.id, issued);
    expect(await redeemPasswordReset(db.prisma, old, STRONG)).toMatchObject({
      ok: false,
      message: expect.stringContaining("expired"),
    });
    const fresh = await createPasswordReset(db.prisma, user.id);
    const tampered = (fresh[0] === "A" ? "B" : "A") + fresh.slice(1);
    for (const token of [tampered, "", "x".repeat(43), "../../etc", 42, null]) {
      expect(await redeemPasswordReset(db.prisma, token, STRONG)).toMatchObject({
        ok: false,
        field: "token",
        message: expect.stringContaining("not valid"),
      });
    }
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(user.password, row.passwordHash)).toBe(true);
  });

  it("two redemptions of one link at once change the password once", async () => {
    const user = await createUser(db.prisma);
    const token = await createPasswordReset(db.prisma, user.id);
    const results = await Promise.all([
      redeemPasswordReset(db.prisma, token, STRONG),
      redeemPasswordReset(db.prisma, token, "other-violet-harbor-tangent-42"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("limits requests per address asked for, the same for accounts and strangers", async () => {
    const user = await createUser(db.prisma);
    const stranger = `stranger-${unique()}@example.test`;
    const answers = async (email: string) => {
      const out = [];
      for (let i = 0; i < 4; i++) {
        out.push(
          (await requestPasswordReset(db.prisma, { email, clientAddress: `c-${unique()}` }, mail))
            .status,
        );
      }
      return out;
    };
    const forAccount = await answers(user.email);
    const forStranger = await answers(stranger);
    expect(forAccount).toEqual(["sent", "sent", "sent", "limited"]);
    expect(forStranger).toEqual(forAccount);
    expect(await db.prisma.passwordReset.count({ where: { userId: user.id } })).toBe(3);
  });

  it("limits requests per client address", async () => {
    const client = `c-${unique()}`;
    const statuses = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (
          await requestPasswordReset(
            db.prisma,
            { email: `x-${unique()}@example.test`, clientAddress: client },
            mail,
          )
        ).status,
      );
    }
    expect(statuses.slice(0, 20).every((s) => s === "sent")).toBe(true);
    expect(statuses[20]).toBe("limited");
  });

  it("says so, to everyone alike, when the server has no mail", async () => {
    const user = await createUser(db.prisma);
    const none = { ...mail, mailer: null };
    expect(
      await requestPasswordReset(db.prisma, { email: user.email, clientAddress: "c" }, none),
    ).toEqual({ status: "no_mail" });
    expect(
      await requestPasswordReset(db.prisma, { email: "no@example.test", clientAddress: "c" }, none),
    ).toEqual({ status: "no_mail" });
  });
});
