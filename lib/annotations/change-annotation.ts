import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { dayColumn, dayOfColumn, type NewAnnotation } from "./annotation-input";

const authorOf = (actor: AuditActor) => ("id" in actor ? actor.name || actor.email : actor.system);

/** Adds a manager's note on a day of the program, with its audit entry; returns its id. */
export async function createAnnotation(
  prisma: PrismaClient,
  programId: number,
  actor: AuditActor,
  { day, text }: NewAnnotation,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const note = await tx.annotation.create({
      data: {
        programId,
        day: dayColumn(day),
        text,
        authorUserId: "id" in actor ? actor.id : null,
        authorLabel: authorOf(actor),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      programId,
      actor,
      kind: "annotations.created",
      summary: `Added a note on ${day}: “${text}”`,
      details: { id: note.id, day, text },
    });
    return note.id;
  });
}

/** Deletes a manager's note, with its audit entry; false when the program has no such note. */
export async function deleteAnnotation(
  prisma: PrismaClient,
  programId: number,
  id: number,
  actor: AuditActor,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const [note] = await tx.annotation.findMany({ where: { programId, id } });
    const { count } = await tx.annotation.deleteMany({ where: { programId, id } });
    if (!note || count === 0) return false;
    const day = dayOfColumn(note.day);
    await recordAudit(tx, {
      programId,
      actor,
      kind: "annotations.deleted",
      summary: `Deleted the note on ${day}: “${note.text}”`,
      details: { id, day, text: note.text },
    });
    return true;
  });
}
