import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createShareLinkAction, revokeShareLinkAction, rotateEmbedSecretAction } from "./actions";
import { embeddedViewQuery, openSignedEmbed } from "@/lib/share-links/open-signed-embed";
import { readEmbedSecret } from "@/lib/share-links/read-embed-secret";
import { sealClearEmbedSecrets } from "@/lib/share-links/embed-secret-store";
import { signEmbed } from "@/lib/share-links/signed-embed";
import { auditEntries } from "@/lib/testing/audit-entries";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { listShareLinks } from "@/lib/share-links/list-share-links";
import {
  checkSharePassword,
  findShareLink,
  mayOpen,
  shareAccessValue,
  type OpenShareLink,
} from "@/lib/share-links/open-share-link";
import { expiryOf } from "@/lib/share-links/share-link-input";
import { sharedViewQuery } from "@/lib/share-links/shared-view-query";

const idle = { status: "idle" } as const;
const SECRET = "test-secret-for-share-links";

describe.each(inject("engines"))("share links of saved views, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());
  afterEach(() => {
    delete process.env.RATE_LIMIT_SHARE_PASSWORD;
  });

  async function world() {
    const program = await createProgram(db.prisma, { timezone: "Europe/Berlin" });
    const manager = await createMember(db.prisma, program.id, "manager");
    const viewer = await createMember(db.prisma, program.id, "viewer");
    const view = await db.prisma.savedView.create({
      data: {
        programId: program.id,
        userId: manager.id,
        name: "Q3 affiliates",
        query: "timeframe=past_30_days&group=1",
      },
    });
    return { program, manager, viewer, view };
  }

  const tokenOf = (path: string) => path.split("/").at(-1)!;

  it("lets owners and managers share a saved view, lists the link, and a revoked link stops opening", async () => {
    const { program, manager, viewer, view } = await world();
    signedIn.user = viewer;
    const refused = await createShareLinkAction.on(db)(
      program.slug,
      idle,
      formData({ savedViewId: String(view.id), password: "", expires: "", embedOrigins: "" }),
    );
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/managers/) });
    expect(await db.prisma.shareLink.count({ where: { programId: program.id } })).toBe(0);

    signedIn.user = manager;
    const created = await createShareLinkAction.on(db)(
      program.slug,
      idle,
      formData({ savedViewId: String(view.id), password: "", expires: "", embedOrigins: "" }),
    );
    expect(created).toEqual({
      status: "created",
      path: expect.stringMatching(new RegExp(`^/share/${program.id}/[A-Za-z0-9_-]{43}$`)),
    });
    const token = tokenOf((created as { path: string }).path);
    const open = await findShareLink(db.prisma, program.id, token);
    expect(open).toMatchObject({
      view: { id: view.id, name: "Q3 affiliates" },
      passwordHash: null,
    });
    expect(mayOpen(open!, undefined, SECRET)).toBe(true);

    const [row] = await listShareLinks(db.prisma, program.id);
    expect(row).toMatchObject({ viewName: "Q3 affiliates", password: false, state: "active" });

    signedIn.user = viewer;
    const kept = await revokeShareLinkAction.on(db)(program.slug, formData({ id: String(row.id) }));
    expect(kept).toMatchObject({ status: "error" });
    expect(await findShareLink(db.prisma, program.id, token)).not.toBeNull();

    signedIn.user = manager;
    expect(
      await revokeShareLinkAction.on(db)(program.slug, formData({ id: String(row.id) })),
    ).toEqual({ status: "saved" });
    expect(await findShareLink(db.prisma, program.id, token)).toBeNull();
    expect(
      await revokeShareLinkAction.on(db)(program.slug, formData({ id: String(row.id) })),
    ).toMatchObject({ status: "error", message: "No such open link in this program." });
    expect((await listShareLinks(db.prisma, program.id))[0].state).toBe("revoked");

    const kinds = (await auditEntries(db.prisma, program.id)).map((e) => e.kind);
    expect(kinds).toEqual(["share_links.created", "share_links.revoked"]);
  });

  it("refuses another program's view, malformed fields and a past last day, storing nothing", async () => {
    const { program, manager } = await world();
    const other = await world();
    signedIn.user = manager;
    const cases: [Record<string, string>, string][] = [
      [
        { savedViewId: String(other.view.id), password: "", expires: "", embedOrigins: "" },
        "savedViewId",
      ],
      [{ savedViewId: "x", password: "", expires: "", embedOrigins: "" }, "savedViewId"],
      [{ savedViewId: "99999999999", password: "", expires: "", embedOrigins: "" }, "savedViewId"],
      [
        {
          savedViewId: String(other.view.id),
          password: "p".repeat(201),
          expires: "",
          embedOrigins: "",
        },
        "password",
      ],
      [{ savedViewId: "1", password: "", expires: "2027-02-30", embedOrigins: "" }, "expires"],
      [{ savedViewId: "1", password: "", expires: "2001-01-01", embedOrigins: "" }, "expires"],
    ];
    for (const [fields, field] of cases) {
      const answer = await createShareLinkAction.on(db)(program.slug, idle, formData(fields));
      expect(answer, JSON.stringify(fields)).toMatchObject({ status: "error" });
      const named = answer as { field?: string; fields?: Record<string, string> };
      expect(named.field === field || named.fields?.[field] !== undefined).toBe(true);
    }
    const embeds: [string, string][] = [
      ["https://wiki.example.com/page", "give the site only"],
      ["ftp://wiki.example.com", "give the site only"],
      ["wiki.example.com", "not a site address"],
      ["https://user:pw@wiki.example.com", "give the site only"],
      [Array.from({ length: 11 }, (_, i) => `https://s${i}.example`).join(" "), "At most 10"],
    ];
    for (const [embedOrigins, problem] of embeds) {
      const answer = await createShareLinkAction.on(db)(
        program.slug,
        idle,
        formData({ savedViewId: "1", password: "", expires: "", embedOrigins }),
      );
      expect(answer, embedOrigins).toMatchObject({
        status: "error",
        field: "embedOrigins",
        message: expect.stringContaining(problem),
      });
    }
    // A password cannot travel into another site's frame: one or the other.
    const both = await createShareLinkAction.on(db)(
      program.slug,
      idle,
      formData({
        savedViewId: "1",
        password: "open sesame 42",
        expires: "",
        embedOrigins: "https://wiki.example.com",
      }),
    );
    expect(both).toMatchObject({
      status: "error",
      field: "embedOrigins",
      message: expect.stringMatching(/password cannot be embedded/),
    });
    expect(await db.prisma.shareLink.count({ where: { programId: program.id } })).toBe(0);
  });

  it("keeps the sites that may embed a link, each as its origin", async () => {
    const { program, manager, view } = await world();
    signedIn.user = manager;
    const made = await createShareLinkAction.on(db)(
      program.slug,
      idle,
      formData({
        savedViewId: String(view.id),
        password: "",
        expires: "",
        embedOrigins: "https://Wiki.Example.com/, http://127.0.0.1:8080\nhttps://wiki.example.com",
      }),
    );
    const link = await findShareLink(
      db.prisma,
      program.id,
      tokenOf((made as { path: string }).path),
    );
    expect(link?.embedOrigins).toEqual(["https://wiki.example.com", "http://127.0.0.1:8080"]);
    const [entry] = await auditEntries(db.prisma, program.id);
    expect(entry.summary).toContain(
      "embeddable on https://wiki.example.com, http://127.0.0.1:8080",
    );
  });

  it("opens nothing that was not made for this program, is expired, or is not a token", async () => {
    const { program, manager, view } = await world();
    const other = await world();
    signedIn.user = manager;
    const made = await createShareLinkAction.on(db)(
      program.slug,
      idle,
      formData({ savedViewId: String(view.id), password: "", expires: "", embedOrigins: "" }),
    );
    const token = tokenOf((made as { path: string }).path);
    expect(await findShareLink(db.prisma, other.program.id, token)).toBeNull();
    for (const bad of ["", "x", `${token}x`, token.slice(1), "../../etc", "%00"]) {
      expect(await findShareLink(db.prisma, program.id, bad)).toBeNull();
    }
    for (const id of [0, -1, 1.5, Number.NaN, 2 ** 40]) {
      expect(await findShareLink(db.prisma, id, token)).toBeNull();
    }
    // The link opens through its last day in the program's zone (Berlin), not a moment longer.
    const expiresAt = expiryOf("2027-01-31", "Europe/Berlin")!;
    expect(expiresAt.toISOString()).toBe("2027-01-31T23:00:00.000Z");
    await db.prisma.shareLink.updateMany({ where: { programId: program.id }, data: { expiresAt } });
    expect(
      await findShareLink(db.prisma, program.id, token, new Date(expiresAt.getTime() - 1)),
    ).not.toBeNull();
    expect(await findShareLink(db.prisma, program.id, token, expiresAt)).toBeNull();
    expect(
      (await listShareLinks(db.prisma, program.id, new Date(expiresAt.getTime() + 1)))[0].state,
    ).toBe("expired");
  });

  it("asks for the password, limits wrong ones per link and address, and binds the cookie to the password", async () => {
    process.env.RATE_LIMIT_SHARE_PASSWORD = "3/15m";
    const { program, manager, view } = await world();
    signedIn.user = manager;
    const made = await createShareLinkAction.on(db)(
      program.slug,
      idle,
      formData({
        savedViewId: String(view.id),
        password: "open sesame 42",
        expires: "",
        embedOrigins: "",
      }),
    );
    const link = (await findShareLink(
      db.prisma,
      program.id,
      tokenOf((made as { path: string }).path),
    )) as OpenShareLink;
    expect(link.passwordHash).toMatch(/^scrypt\$/);
    expect(mayOpen(link, undefined, SECRET)).toBe(false);
    expect(mayOpen(link, "forged", SECRET)).toBe(false);
    expect(mayOpen(link, shareAccessValue(link, "another secret"), SECRET)).toBe(false);
    expect(mayOpen(link, shareAccessValue(link, SECRET), SECRET)).toBe(true);
    // Another password (the same link id) asks again.
    expect(
      mayOpen({ ...link, passwordHash: "scrypt$other" }, shareAccessValue(link, SECRET), SECRET),
    ).toBe(false);

    expect(await checkSharePassword(db.prisma, link, "open sesame 42", "10.0.0.1")).toEqual({
      status: "open",
    });
    for (let i = 0; i < 3; i++) {
      expect(await checkSharePassword(db.prisma, link, "guess", "10.0.0.1")).toEqual({
        status: "wrong",
      });
    }
    // Past the limit even the right password waits; another address is counted on its own.
    expect(await checkSharePassword(db.prisma, link, "open sesame 42", "10.0.0.1")).toMatchObject({
      status: "limited",
      retryAfterSeconds: expect.any(Number),
    });
    expect(await checkSharePassword(db.prisma, link, "open sesame 42", "10.0.0.2")).toEqual({
      status: "open",
    });
  });
});

describe("a share link's query", () => {
  it("keeps the view's filters whatever the URL says, taking only the page and hidden series", () => {
    const view = "timeframe=past_30_days&group=1&rows_by=group&sort=occurrences";
    expect(
      sharedViewQuery(view, {
        group: "2",
        timeframe: "any_time",
        partner_email: "x",
        rows_by: "tag",
        page: "3",
        hidden: "signup",
      }),
    ).toEqual({
      timeframe: "past_30_days",
      group: "1",
      rows_by: "group",
      sort: "occurrences",
      page: "3",
      hidden: "signup",
    });
    expect(sharedViewQuery("page=2&timeframe=past_7_days", { page: ["1", "2"] })).toEqual({
      timeframe: "past_7_days",
    });
  });
});

describe.each(inject("engines"))("signed embeds of saved views, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("open with the program's current secret only, for its own views, and lock the signed filters", async () => {
    const program = await createProgram(db.prisma);
    const owner = await createMember(db.prisma, program.id, "owner");
    const manager = await createMember(db.prisma, program.id, "manager");
    const other = await createProgram(db.prisma);
    const view = await db.prisma.savedView.create({
      data: { programId: program.id, userId: owner.id, name: "All", query: "timeframe=any_time" },
    });
    const foreign = await db.prisma.savedView.create({
      data: { programId: other.id, userId: owner.id, name: "B", query: "timeframe=any_time" },
    });
    const exp = Math.floor(Date.now() / 1000) + 600;

    // No secret yet: nothing opens, whatever it is signed with.
    expect(
      await openSignedEmbed(db.prisma, program.id, signEmbed({ view: view.id, exp }, "x")),
    ).toBeNull();
    signedIn.user = manager;
    expect(await rotateEmbedSecretAction.on(db)(program.slug, formData({}))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/owners/),
    });
    signedIn.user = owner;
    expect(await rotateEmbedSecretAction.on(db)(program.slug, formData({}))).toMatchObject({
      status: "saved",
    });
    const first = (await readEmbedSecret(db.prisma, program.id))!;
    expect(first).toMatch(/^emb_[A-Za-z0-9_-]{43}$/);

    const token = signEmbed(
      { view: view.id, exp, params: { email: "ana@partner.example" } },
      first,
    );
    const opened = await openSignedEmbed(db.prisma, program.id, token);
    expect(opened).toEqual({
      program: {
        id: program.id,
        name: program.name,
        timezone: program.timezone,
        currency: program.currency,
      },
      view: { name: "All", query: "timeframe=any_time" },
      params: { email: "ana@partner.example" },
    });
    expect(await openSignedEmbed(db.prisma, other.id, token)).toBeNull();
    expect(
      await openSignedEmbed(db.prisma, program.id, signEmbed({ view: foreign.id, exp }, first)),
    ).toBeNull();
    expect(
      await openSignedEmbed(db.prisma, program.id, signEmbed({ view: 2 ** 40, exp }, first)),
    ).toBeNull();

    // The visitor's URL pages the table; the signed filters stand over the view's and the URL's.
    expect(
      embeddedViewQuery(
        "timeframe=any_time&group=3",
        { email: "ana@partner.example" },
        { email: "x", page: "2" },
      ),
    ).toEqual({
      query: { timeframe: "any_time", group: "3", email: "ana@partner.example", page: "2" },
    });
    expect(embeddedViewQuery("timeframe=any_time", { colour: "red" }, {})).toEqual({
      problem: "“colour” is not a filter of the tab.",
    });

    // A new secret: URLs signed with the old one stop opening.
    await rotateEmbedSecretAction.on(db)(program.slug, formData({}));
    expect(await openSignedEmbed(db.prisma, program.id, token)).toBeNull();
    const kinds = (await auditEntries(db.prisma, program.id)).map((e) => e.summary);
    expect(kinds).toEqual([
      "Created the embed secret",
      "Replaced the embed secret: URLs signed with the old one stopped opening",
    ]);
  });

  it("keeps the embed secret sealed when the server has its encryption key", async () => {
    const program = await createProgram(db.prisma);
    const owner = await createMember(db.prisma, program.id, "owner");
    const view = await db.prisma.savedView.create({
      data: { programId: program.id, userId: owner.id, name: "All", query: "timeframe=any_time" },
    });
    const stored = async () =>
      (await db.prisma.program.findUniqueOrThrow({ where: { id: program.id } })).embedSecret!;
    const exp = Math.floor(Date.now() / 1000) + 600;
    signedIn.user = owner;
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "share-links-test-encryption-key");
    try {
      await rotateEmbedSecretAction.on(db)(program.slug, formData({}));
      const secret = (await readEmbedSecret(db.prisma, program.id))!;
      expect(secret).toMatch(/^emb_/);
      // The row holds it sealed, not the secret itself.
      expect(await stored()).toMatch(/^v1\./);
      expect(await stored()).not.toContain(secret.slice(4));
      const token = signEmbed({ view: view.id, exp }, secret);
      expect(await openSignedEmbed(db.prisma, program.id, token)).not.toBeNull();
      // Under another key it cannot be opened: nothing signs, the page offers a new one.
      vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "another-key-altogether");
      expect(await readEmbedSecret(db.prisma, program.id)).toBeNull();
      expect(await openSignedEmbed(db.prisma, program.id, token)).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
    // Without a key it is kept as it is (and works).
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "");
    try {
      await rotateEmbedSecretAction.on(db)(program.slug, formData({}));
      expect(await stored()).toMatch(/^emb_/);
    } finally {
      vi.unstubAllEnvs();
    }
    const clear = await stored();
    // A server with the key seals it at its next scheduler pass; the secret stays the same.
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "share-links-test-encryption-key");
    try {
      expect(await sealClearEmbedSecrets(db.prisma)).toBeGreaterThanOrEqual(1);
      expect(await stored()).toMatch(/^v1\./);
      expect(await readEmbedSecret(db.prisma, program.id)).toBe(clear);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
