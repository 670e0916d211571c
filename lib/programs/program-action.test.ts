import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { createMember, createProgram } from "../testing/factories";
import { signedIn } from "../testing/signed-in";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { formFields, formText, programAction } from "./program-action";
import { canEditRewardRules } from "./roles";

// Membership and role come from the database; who is signed in is `signedIn.user`.
const session = signedIn;

describe.each(inject("engines"))("programAction, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  type Answer =
    | { refused: string }
    | { invalid: string; input: unknown }
    | { ok: { programId: number; slug: string; role: string; n: number } };
  const ran: unknown[] = [];
  const action = programAction({
    allow: canEditRewardRules,
    refusal: "Managers only.",
    schema: z.object({ n: z.coerce.number().int("Whole numbers only") }),
    refused: (message): Answer => ({ refused: message }),
    invalid: (error, input): Answer => ({ invalid: error.issues[0].message, input }),
    async run({ program, slug, role }, { n }): Promise<Answer> {
      ran.push(n);
      return { ok: { programId: program.id, slug, role, n } };
    },
  });

  it("checks the slug, the member, the role and the input before it runs", async () => {
    const program = await createProgram(db.prisma);
    const other = await createProgram(db.prisma);
    // Crafted calls: a slug that is not text is a 404, as an unknown program is.
    session.user = await createMember(db.prisma, program.id, "manager");
    for (const slug of [42, null, { slug: program.slug }]) {
      await expect(action.on(db)(slug, { n: "1" }), String(slug)).rejects.toThrow(/404/);
    }
    await expect(action.on(db)("no-such-program", { n: "1" })).rejects.toThrow(/404/);
    // (Outside a Next request, `forbidden()` throws its own explanation instead of the 403 signal.)
    await expect(action.on(db)(other.slug, { n: "1" })).rejects.toThrow(/403|forbidden/);
    session.user = null;
    await expect(action.on(db)(program.slug, { n: "1" })).rejects.toThrow(/NEXT_REDIRECT/);

    session.user = await createMember(db.prisma, program.id, "viewer");
    expect(await action.on(db)(program.slug, { n: "1" })).toEqual({ refused: "Managers only." });
    session.user = await createMember(db.prisma, program.id, "manager");
    expect(await action.on(db)(program.slug, { n: "1.5" })).toEqual({
      invalid: "Whole numbers only",
      input: { n: "1.5" },
    });
    expect(ran).toEqual([]);
    expect(await action.on(db)(program.slug, { n: "7" })).toEqual({
      ok: { programId: program.id, slug: program.slug, role: "manager", n: 7 },
    });
    expect(ran).toEqual([7]);
  });
});

describe("form fields", () => {
  it("reads named fields or every field, and nothing from a call that sends no form", () => {
    const form = new FormData();
    form.set("id", "3");
    form.set("name", "Weekly");
    expect(formFields(form, ["id", "missing"])).toEqual({ id: "3", missing: null });
    expect(formText(form)).toEqual({ id: "3", name: "Weekly" });
    expect(formFields("id=3", ["id"])).toEqual({ id: null });
    expect(formText({ id: 3 })).toEqual({});
  });
});
