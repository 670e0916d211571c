import "server-only";
import { z } from "zod";
import { emailAddress, storable } from "../validation/fields";
import { hashPassword } from "../security/password";
import { passwordProblem } from "./password-policy";
import type { PrismaClient } from "../generated/prisma/client";

/** A new account: name, email (stored lowercased, as sign-in reads it) and a strong password. */
export const accountInput = z
  .object({
    name: storable(z.string("Give your name").trim().min(1, "Give your name").max(100)),
    email: z.string("Give an email").trim().toLowerCase().pipe(emailAddress),
    password: z.string("Choose a password"),
  })
  .superRefine((a, ctx) => {
    const problem = passwordProblem(a.password, [a.email, a.name]);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type AccountInput = z.output<typeof accountInput>;

/** Stores an account; an email in use already is a refusal naming the field (unique index). */
export async function createAccount(
  prisma: PrismaClient,
  input: AccountInput,
): Promise<{ ok: true; id: number } | { ok: false; field: "email"; message: string }> {
  try {
    const user = await prisma.user.create({
      data: {
        name: input.name,
        email: input.email,
        passwordHash: await hashPassword(input.password),
      },
      select: { id: true },
    });
    return { ok: true, id: user.id };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return {
        ok: false,
        field: "email",
        message: `an account with ${input.email} exists already`,
      };
    }
    throw error;
  }
}
