import { evaluateRewardRules } from "../../lib/rewards/evaluate-reward-rules";
import { analyticsCaughtUp, e2eDatabase, seedMember } from "./seed";

/**
 * A viewer of a program whose values are as wide as real ones get: a partner and a customer with
 * long names and emails, long action keys and type names, six-figure rewards and reward reasons
 * in words. Its actions happened in the past hours, so the default timeframe shows them.
 */
export async function seedWideProgram() {
  const { prisma } = await e2eDatabase();
  const { user, program } = await seedMember("viewer");
  const programId = program.id;
  const [enterprise, resellers] = await Promise.all(
    ["Enterprise", "Resellers"].map((name) =>
      prisma.group.create({
        data: { programId, key: name.toLowerCase(), name, slug: name.toLowerCase() },
      }),
    ),
  );
  const partner = await prisma.partnership.create({
    data: {
      programId,
      partnerKey: "ptn_wolfeschlegelsteinhausen_0092",
      firstName: "Maximiliana",
      lastName: "Wolfeschlegelsteinhausen-Bergerdorff",
      email: "maximiliana.wolfeschlegelsteinhausen@enterprisepartnerships.example.test",
      groupId: enterprise.id,
    },
  });
  const customer = await prisma.customer.create({
    data: {
      programId,
      customerKey: "cus_wolfeschlegelsteinhausen_00001",
      email: "procurement.department.head@a-rather-long-customer-domain.example.test",
      partnershipId: partner.id,
    },
  });
  const [signup, demo] = await Promise.all(
    ["enterprise_signup_completed", "enterprise_demo_booked_with_sales"].map((name) =>
      prisma.actionType.create({ data: { programId, name } }),
    ),
  );
  const rules = await Promise.all([
    prisma.rewardRule.create({
      data: {
        programId,
        name: "Enterprise launch bonus",
        actionTypeId: signup.id,
        amountCents: 12_345_678,
      },
    }),
    prisma.rewardRule.create({
      data: {
        programId,
        name: "Reseller demo bounty for qualified meetings",
        actionTypeId: demo.id,
        amountCents: 2_500,
        groupId: resellers.id,
      },
    }),
  ]);
  for (let i = 0; i < 6; i++) {
    const actionTypeId = (i % 2 ? demo : signup).id;
    const outcome = evaluateRewardRules(
      { actionTypeId, value: 1, groupId: enterprise.id, archived: false },
      rules,
    );
    const rewardCents = outcome.rules.reduce(
      (sum, r) => sum + (r.outcome === "rewarded" ? r.amountCents : 0),
      0,
    );
    await prisma.action.create({
      data: {
        programId,
        key: `act_wolfeschlegelsteinhausen_enterprise_${String(i + 1).padStart(7, "0")}`,
        actionTypeId,
        targetType: "customer",
        partnershipId: partner.id,
        customerId: customer.id,
        occurredAt: new Date(Date.now() - (i + 1) * 3_600_000),
        rewardOutcome: outcome,
        rewardCents,
      },
    });
  }
  await analyticsCaughtUp(programId);
  return {
    user,
    program,
    group: enterprise,
    partner: {
      key: partner.partnerKey,
      name: `${partner.firstName} ${partner.lastName}`,
      email: partner.email,
    },
  };
}
