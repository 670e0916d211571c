import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { personParam, type AuditPerson } from "./audit-params";

export interface AuditPersonOption {
  person: AuditPerson;
  /** The URL value (`personParam`). */
  value: string;
  label: string;
}

/**
 * Whom the log can be filtered by: the program's members (as they are named now), then anyone
 * else who appears in its log — former members by the name the log kept last, and named
 * non-persons ("npm run admin").
 */
export async function listAuditPeople(
  prisma: PrismaClient,
  programId: number,
): Promise<AuditPersonOption[]> {
  const [members, actors] = await Promise.all([
    prisma.membership.findMany({
      where: { programId },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
    prisma.$queryRaw<{ actor_user_id: number | null; actor_label: string }[]>`
      SELECT DISTINCT ON (actor_user_id, CASE WHEN actor_user_id IS NULL THEN actor_label END)
        actor_user_id, actor_label
      FROM audit_events WHERE program_id = ${programId}
      ORDER BY actor_user_id, CASE WHEN actor_user_id IS NULL THEN actor_label END,
        created_at DESC, id DESC`,
  ]);
  const option = (person: AuditPerson, label: string) => ({
    person,
    value: personParam(person),
    label,
  });
  const memberIds = new Set(members.map((m) => m.user.id));
  const byName = (a: AuditPersonOption, b: AuditPersonOption) => a.label.localeCompare(b.label);
  return [
    ...members
      .map(({ user }) => option({ userId: user.id }, `${user.name} <${user.email}>`))
      .sort(byName),
    ...actors
      .filter((a) => a.actor_user_id === null || !memberIds.has(a.actor_user_id))
      .map((a) =>
        a.actor_user_id === null
          ? option({ system: a.actor_label }, a.actor_label)
          : option({ userId: a.actor_user_id }, `${a.actor_label} (no longer a member)`),
      )
      .sort(byName),
  ];
}
