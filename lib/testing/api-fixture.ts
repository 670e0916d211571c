import { hashSecret, generateApiKeyPair } from "../api-keys/api-key-secrets";
import type { PrismaClient } from "../generated/prisma/client";
import { createProgram } from "./factories";

/**
 * A program ready for API tests: two groups, partnerships, customers, reward rules and a key.
 * Written with Prisma directly, independent of the API under test.
 */
export async function seedApiProgram(prisma: PrismaClient, options: { currency?: string } = {}) {
  const program = await createProgram(prisma, { currency: options.currency ?? "USD" });
  const programId = program.id;
  // The columns every migration has had: tests of a migration seed an older schema with this.
  const groupColumns = { id: true, key: true, name: true, slug: true } as const;
  const affiliates = await prisma.group.create({
    data: { programId, key: "affiliates", name: "Affiliates", slug: "affiliates" },
    select: groupColumns,
  });
  const resellers = await prisma.group.create({
    data: { programId, key: "resellers", name: "Resellers", slug: "resellers" },
    select: groupColumns,
  });
  const partner = (partnerKey: string, groupId: number) =>
    prisma.partnership.create({
      data: {
        programId,
        partnerKey,
        firstName: "Pat",
        lastName: partnerKey,
        email: `${partnerKey}@partners.test`,
        groupId,
      },
      // The columns every migration has had: tests of a migration seed an older schema with this.
      select: { id: true, partnerKey: true, groupId: true },
    });
  const alice = await partner("ptn_alice", affiliates.id);
  const bob = await partner("ptn_bob", resellers.id);
  const customer = (customerKey: string, partnershipId: number) =>
    prisma.customer.create({
      data: {
        programId,
        customerKey,
        email: `${customerKey}@customers.test`,
        name: customerKey,
        partnershipId,
      },
      select: { id: true },
    });
  await customer("cus_1", alice.id);
  await customer("cus_2", bob.id);
  const signup = await prisma.actionType.create({ data: { programId, name: "signup_completed" } });
  const demo = await prisma.actionType.create({ data: { programId, name: "demo_booked" } });
  await prisma.rewardRule.create({
    data: { programId, name: "Signup bounty", actionTypeId: signup.id, amountCents: 500 },
  });
  await prisma.rewardRule.create({
    data: {
      programId,
      name: "Reseller demo",
      actionTypeId: demo.id,
      amountCents: 2500,
      groupId: resellers.id,
    },
  });
  const pair = generateApiKeyPair("test");
  const apiKey = await prisma.apiKey.create({
    data: {
      programId,
      label: "test",
      mode: "test",
      publicKey: pair.publicKey,
      secretHash: hashSecret(pair.secret),
    },
  });
  return {
    program,
    groups: { affiliates, resellers },
    partnerships: { alice, bob },
    apiKey: { ...pair, id: apiKey.id },
    basic: `Basic ${Buffer.from(`${pair.publicKey}:${pair.secret}`).toString("base64")}`,
    bearer: `Bearer ${pair.secret}`,
  };
}
