// The reward rule form's action: owners and managers create and change rules; each change is in
// the audit log with what changed, a refusal or a save that changes nothing writes no entry.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { auditEntries } from "@/lib/testing/audit-entries";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { saveRewardRuleAction } from "./actions";

describe.each(inject("engines"))("reward rule actions, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const rule = {
    name: "Signup",
    actionType: "signup_completed",
    minValue: "",
    amount: "25",
    active: "on",
  };

  it("logs who created and changed a rule, and what changed", async () => {
    const program = await createProgram(db.prisma);
    const viewer = await createMember(db.prisma, program.id, "viewer");
    const manager = await createMember(db.prisma, program.id, "manager");
    await db.prisma.group.create({
      data: { programId: program.id, key: "vip", name: "VIP", slug: "vip" },
    });
    // A successful save redirects (to the list with ?saved=<id>): Next's signal is a throw.
    const save = (fields: Record<string, string>) =>
      saveRewardRuleAction.on(db)(program.slug, { status: "idle" }, formData(fields));

    signedIn.user = viewer;
    expect(await save(rule)).toEqual({
      status: "error",
      message: "Only owners and managers can edit reward rules.",
    });
    signedIn.user = manager;
    expect(await save({ ...rule, amount: "12.345" })).toMatchObject({
      fields: { amount: expect.any(String) },
    });
    expect(await save({ ...rule, groupKey: "gone" })).toMatchObject({
      fields: { groupKey: "That group no longer exists" },
    });
    expect(await auditEntries(db.prisma, program.id)).toEqual([]);

    await expect(save(rule)).rejects.toThrow(/NEXT_REDIRECT/);
    const { id } = await db.prisma.rewardRule.findFirstOrThrow({
      where: { programId: program.id },
    });
    await expect(save({ ...rule, id: String(id) })).rejects.toThrow(/NEXT_REDIRECT/);
    await expect(
      save({ ...rule, id: String(id), amount: "30", groupKey: "vip", active: "" }),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await save({ ...rule, id: "99999" })).toMatchObject({
      message: "That rule no longer exists",
    });

    const label = `${manager.name} <${manager.email}>`;
    expect(await auditEntries(db.prisma, program.id)).toEqual([
      {
        kind: "reward_rules.created",
        actorUserId: manager.id,
        actorLabel: label,
        summary: "Created reward rule “Signup”",
        details: {
          ruleId: id,
          name: "Signup",
          actionType: "signup_completed",
          minValue: null,
          groupKey: null,
          amountCents: 2500,
          multiplyByValue: false,
          active: true,
        },
      },
      // Saved unchanged in between: no entry.
      {
        kind: "reward_rules.updated",
        actorUserId: manager.id,
        actorLabel: label,
        summary: "Changed reward rule “Signup”: groupKey, amountCents, active",
        details: {
          ruleId: id,
          changes: {
            groupKey: { from: null, to: "vip" },
            amountCents: { from: 2500, to: 3000 },
            active: { from: true, to: false },
          },
        },
      },
    ]);
  });
});
