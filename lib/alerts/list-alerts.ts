import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { opened } from "../deliveries/list-schedules";
import { alertSentence } from "./alert-words";

/**
 * The program's alerts, oldest first, each with its rule in words, what is out of range now (its
 * episodes), its last message's status, and its webhook's signing secret opened.
 */
export async function listAlerts(
  prisma: PrismaClient,
  program: { id: number; currency: string },
  now = Date.now(),
) {
  const [alerts, types] = await Promise.all([
    prisma.alert.findMany({
      where: { programId: program.id },
      orderBy: { id: "asc" },
      include: {
        savedView: { select: { name: true, query: true } },
        episodes: { orderBy: { since: "asc" } },
        deliveries: {
          orderBy: { id: "desc" },
          take: 1,
          select: { status: true, error: true, sentAt: true, createdAt: true },
        },
      },
    }),
    prisma.actionType.findMany({
      where: { programId: program.id },
      select: { id: true, name: true },
    }),
  ]);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  return alerts.map(({ deliveries, webhookSecret, ...a }) => ({
    ...a,
    sentence: alertSentence(
      { ...a, actionTypeName: a.actionTypeId === null ? null : typeName.get(a.actionTypeId) },
      program.currency,
    ),
    lastMessage: deliveries[0] ?? null,
    snoozed: a.snoozedUntil !== null && a.snoozedUntil.getTime() > now,
    webhookSecret: opened(webhookSecret),
  }));
}

export type AlertRow = Awaited<ReturnType<typeof listAlerts>>[number];

/** The program's action types by name: an alert may count one of them. */
export function listActionTypes(prisma: PrismaClient, programId: number) {
  return prisma.actionType.findMany({
    where: { programId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
