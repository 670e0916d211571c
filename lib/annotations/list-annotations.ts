import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { InstantRange } from "../stats/timeframe/resolve-timeframe";
import { formatDate } from "../time/format";
import { dateOf } from "../time/zone";
import { NOTED_CHANGES, type AnnotationOrigin } from "./annotation-origins";
import { dayColumn, dayOfColumn } from "./annotation-input";

export interface Annotation {
  /** `n<id>` for a manager's note, `c<id>` for a change read from the audit log. */
  id: string;
  /** The local day (YYYY-MM-DD) in the program's zone. */
  day: string;
  text: string;
  origin: AnnotationOrigin;
  /** Who wrote it or made the change (a name; none for the system). */
  author: string | null;
  createdAt: number;
  /** The manager's note's id (it can be deleted); null for a change. */
  noteId: number | null;
}

/** At most this many notes of each kind per view (newest kept): a chart has room for fewer. */
const MAX_NOTES = 500;

const dayOf = (instant: number, timeZone: string) => formatDate(dateOf(instant, timeZone));
// "Ana Silva <ana@example.com>" → "Ana Silva": viewers see names, as on the Members page.
const nameOf = (label: string) => label.replace(/\s*<[^>]*>$/, "");

/**
 * The notes on a view's time axis: managers' notes whose day falls in the range (local days of
 * the program), and the changes of reward rules, groups and settings made in it — oldest first.
 */
export async function listAnnotations(
  prisma: PrismaClient,
  program: { id: number; timezone: string },
  range: InstantRange,
): Promise<Annotation[]> {
  const { start, end } = range;
  const firstDay = start === null ? null : dayOf(start, program.timezone);
  const lastDay = end === null ? null : dayOf(end - 1, program.timezone);
  const [notes, changes] = await Promise.all([
    prisma.annotation.findMany({
      where: {
        programId: program.id,
        day: {
          ...(firstDay !== null && { gte: dayColumn(firstDay) }),
          ...(lastDay !== null && { lte: dayColumn(lastDay) }),
        },
      },
      orderBy: [{ day: "desc" }, { id: "desc" }],
      take: MAX_NOTES,
    }),
    prisma.auditEvent.findMany({
      where: {
        programId: program.id,
        kind: { in: Object.keys(NOTED_CHANGES) },
        createdAt: {
          ...(start !== null && { gte: new Date(start) }),
          ...(end !== null && { lt: new Date(end) }),
        },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_NOTES,
    }),
  ]);
  const all: Annotation[] = [
    ...notes.map((n) => ({
      id: `n${n.id}`,
      day: dayOfColumn(n.day),
      text: n.text,
      origin: "manual" as const,
      author: n.authorLabel,
      createdAt: n.createdAt.getTime(),
      noteId: n.id,
    })),
    ...changes.map((c) => ({
      id: `c${c.id}`,
      day: dayOf(c.createdAt.getTime(), program.timezone),
      text: c.summary,
      origin: NOTED_CHANGES[c.kind as keyof typeof NOTED_CHANGES]!,
      author: c.actorUserId === null ? null : nameOf(c.actorLabel),
      createdAt: c.createdAt.getTime(),
      noteId: null,
    })),
  ];
  return all.sort((a, b) =>
    a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.createdAt - b.createdAt,
  );
}
