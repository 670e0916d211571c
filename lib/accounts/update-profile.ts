import "server-only";
import { z } from "zod";
import { emailAddress, storable } from "../validation/fields";
import type { PrismaClient } from "../generated/prisma/client";
import { currentPasswordMatches, WRONG_PASSWORD, type AccountChange } from "./account-change";

export const profileInput = z.object({
  name: storable(
    z.string("Give your name").trim().min(1, "Give your name").max(100, "At most 100 characters"),
  ),
  email: z.string("Give an email").trim().toLowerCase().pipe(emailAddress),
  currentPassword: z.string().max(1024).default(""),
});

/**
 * Renames the account and, with the current password, changes its email (unique: the index
 * decides). Sessions stay on: pages read the name and email from the database.
 */
export async function updateProfile(
  prisma: PrismaClient,
  userId: number,
  input: z.output<typeof profileInput>,
): Promise<AccountChange> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true },
  });
  const emailChanges = input.email !== user.email;
  if (emailChanges && !(await currentPasswordMatches(prisma, userId, input.currentPassword))) {
    return {
      ok: false,
      field: "currentPassword",
      message:
        `To change your email, enter your current password. ${input.currentPassword ? WRONG_PASSWORD : ""}`.trim(),
    };
  }
  try {
    await prisma.user.update({
      where: { id: userId },
      data: { name: input.name, email: input.email },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return { ok: false, field: "email", message: `${input.email} belongs to another account.` };
    }
    throw error;
  }
  return {
    ok: true,
    message: emailChanges ? `Saved. You now sign in with ${input.email}.` : "Saved.",
  };
}
