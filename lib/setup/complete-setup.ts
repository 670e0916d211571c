import "server-only";
import { z } from "zod";
import { accountInput } from "../accounts/create-account";
import { hashPassword } from "../security/password";
import type { PrismaClient } from "../generated/prisma/client";
import { insertProgram } from "../programs/insert-program";
import { programInput } from "../programs/program-input";

/** The setup form: the first owner (`ownerName`, `email`, `password`) and the first program. */
export const setupInput = z
  .object({
    ownerName: z.unknown(),
    email: z.unknown(),
    password: z.unknown(),
    name: z.unknown(),
    slug: z.unknown(),
    timezone: z.unknown(),
    currency: z.unknown(),
  })
  .transform((form, ctx) => {
    const account = accountInput.safeParse({
      name: form.ownerName,
      email: form.email,
      password: form.password,
    });
    const program = programInput.safeParse({
      name: form.name,
      slug: form.slug || undefined,
      timezone: form.timezone,
      currency: form.currency,
    });
    // The person's name is `ownerName`; `name` is the program's (the shared program fields).
    for (const issue of account.error?.issues ?? []) {
      const field = issue.path[0] === "name" ? "ownerName" : issue.path[0];
      ctx.addIssue({ ...issue, code: "custom", path: [field as string] });
    }
    for (const issue of program.error?.issues ?? []) ctx.addIssue({ ...issue, code: "custom" });
    if (!account.success || !program.success) return z.NEVER;
    return { account: account.data, program: program.data };
  });

export type SetupInput = z.output<typeof setupInput>;

export type SetupResult =
  | { ok: true; userId: number; program: { id: number; slug: string } }
  | { ok: false; field?: string; message: string };

export const ALREADY_SET_UP =
  "This Actionboard has just been set up by someone else. Sign in, or ask its owner to invite you.";

/**
 * Creates the first owner and program in one transaction. The `instance_setup` row (one at most,
 * by its primary key) is what two simultaneous setups meet at: the second waits for the first and
 * then fails on the key — the database decides, not a check before the insert. An instance that
 * has accounts already (made by `npm run admin`, say) is refused too.
 */
export async function completeSetup(prisma: PrismaClient, input: SetupInput): Promise<SetupResult> {
  const passwordHash = await hashPassword(input.account.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.account.name, email: input.account.email, passwordHash },
        select: { id: true },
      });
      await tx.instanceSetup.create({ data: { ownerUserId: user.id } });
      if ((await tx.user.count()) > 1) throw new SetupTaken();
      const program = await insertProgram(tx, input.program, user.id, {
        id: user.id,
        name: input.account.name,
        email: input.account.email,
      });
      if (!program) throw new SetupTaken(); // an empty instance has no old slugs
      return { ok: true as const, userId: user.id, program };
    });
  } catch (error) {
    if (error instanceof SetupTaken || (error as { code?: string }).code === "P2002") {
      return { ok: false, message: ALREADY_SET_UP };
    }
    throw error;
  }
}

class SetupTaken extends Error {}
