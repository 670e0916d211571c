// GET /p/{slug}/reward-rules/try/export over real Requests: the CSV of a draft tried on history
// (its Difference column sums to the model's difference, to the cent), nothing written by it,
// refusals naming the field, and viewers and other programs' members refused.
import fc from "fast-check";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyRuleChange } from "@/lib/rule-replay/rule-change";
import { REPLAY_CSV_HEADER } from "@/lib/rule-replay/replay-csv";
import { createMember } from "@/lib/testing/factories";
import { modelReplay } from "@/lib/testing/model-replay";
import { worldSpec } from "@/lib/testing/random-tab-world";
import { seedRandomProgram, type SeededProgram } from "@/lib/testing/seed-random-world";
import { signedIn } from "@/lib/testing/signed-in";
import { postgresTabSources } from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

/** "-12.34" → -1234n, exactly. */
const cents = (decimal: string) => {
  const [units, frac] = decimal.replace("-", "").split(".");
  const abs = BigInt(units) * 100n + BigInt(frac);
  return decimal.startsWith("-") ? -abs : abs;
};

describe.each(inject("engines"))("a rule change tried on history, as CSV, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const download = (slug: string, query: string) =>
    GET.on(db, postgresTabSources(db))(
      new Request(`http://localhost/p/${slug}/reward-rules/try/export?${query}`),
      {
        params: Promise.resolve({ slug }),
      },
    );

  /** A random program with actions, one flat rule on its first type, and an owner. */
  async function world(): Promise<SeededProgram> {
    const [spec] = fc
      .sample(worldSpec, { seed: 7, numRuns: 20 })
      .map((w) => w.programs[0])
      .filter((p) => p.actions.length >= 10);
    const rule = { type: 0, minValue: null, group: null, amountCents: 250 };
    return seedRandomProgram(db, {
      ...spec,
      rules: [{ ...rule, multiplyByValue: false, active: true }],
    });
  }

  /** Every row of the program's tables a replay could touch, and the outbox and audit log. */
  async function fingerprint(programId: number) {
    return db.prisma.$queryRaw`
      SELECT (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) FROM actions x
               WHERE x.program_id = ${programId}) AS actions,
             (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) FROM rewards x
               WHERE x.program_id = ${programId}) AS rewards,
             (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) FROM reward_rules x
               WHERE x.program_id = ${programId}) AS rules,
             (SELECT count(*) FROM analytics_outbox) AS outbox,
             (SELECT count(*) FROM audit_events) AS audit`;
  }

  it("lists each partner the draft changes; the differences sum to the model's, and nothing is written", async () => {
    const s = await world();
    signedIn.user = await createMember(db.prisma, s.program.id, "manager");
    const type = await db.prisma.actionType.findUniqueOrThrow({
      where: { programId_id: { programId: s.program.id, id: s.typeIds[0] } },
    });
    const before = await fingerprint(s.program.id);
    const response = await download(
      s.program.slug,
      `timeframe=any_time&change=add&actionType=${type.name}&amount=1.25&multiplyByValue=on`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/_rule-tried_.*\.csv"$/);
    const text = new TextDecoder().decode(await response.arrayBuffer());
    const [header, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, "").trim()).data;
    expect(header).toEqual(REPLAY_CSV_HEADER);

    const partners = await db.prisma.partnership.findMany({ where: { programId: s.program.id } });
    const groupOf = new Map(partners.map((p) => [p.id, p.groupId]));
    const draft = applyRuleChange(s.rules, {
      kind: "add",
      terms: {
        actionTypeId: type.id,
        minValue: null,
        groupId: null,
        amountCents: 125,
        multiplyByValue: true,
        active: true,
      },
    });
    const model = modelReplay(s, groupOf, draft, { start: null, end: null });
    const expected = model.reduce((sum, p) => sum + p.draftCents - p.todayCents, 0n);
    expect(expected).toBeGreaterThan(0n);
    expect(rows.reduce((sum, row) => sum + cents(row[9]), 0n)).toBe(expected);
    expect(rows.length).toBe(model.filter((p) => p.affected > 0).length);
    expect(await fingerprint(s.program.id)).toEqual(before);
  });

  it("refuses a draft naming its field, viewers, and other programs' members", async () => {
    const s = await world();
    const other = await world();
    signedIn.user = await createMember(db.prisma, s.program.id, "owner");
    const refused = await download(s.program.slug, "change=edit&rule=99999&amount=abc");
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toMatch(/amount: Amount must be a number/);
    expect(page).toMatch(/actionType: /);
    const foreign = await download(s.program.slug, `change=off&rule=${other.rules[0].id}`);
    expect(await foreign.text()).toMatch(/rule: No such rule in this program/);

    signedIn.user = await createMember(db.prisma, s.program.id, "viewer");
    await expect(download(s.program.slug, "change=off&rule=1")).rejects.toThrow(/403|forbidden/);
    signedIn.user = await createMember(db.prisma, other.program.id, "owner");
    await expect(download(s.program.slug, "change=off&rule=1")).rejects.toThrow(/403|forbidden/);
  });
});
