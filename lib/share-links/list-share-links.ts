import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export type ShareLinkState = "active" | "expired" | "revoked";

export interface ShareLinkRow {
  id: number;
  token: string;
  viewId: number;
  viewName: string;
  password: boolean;
  embedOrigins: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy: string;
  state: ShareLinkState;
}

export function shareLinkState(
  link: { expiresAt: Date | null; revokedAt: Date | null },
  now: Date,
): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt <= now) return "expired";
  return "active";
}

/** Every link of the program, newest first: open ones, then expired and revoked ones. */
export async function listShareLinks(
  prisma: PrismaClient,
  programId: number,
  now = new Date(),
): Promise<ShareLinkRow[]> {
  const links = await prisma.shareLink.findMany({
    where: { programId },
    orderBy: { id: "desc" },
    include: { savedView: { select: { name: true } } },
  });
  const creators = await prisma.user.findMany({
    where: { id: { in: [...new Set(links.map((l) => l.createdBy))] } },
    select: { id: true, name: true, email: true },
  });
  const creator = new Map(creators.map((u) => [u.id, u.name || u.email]));
  const order: Record<ShareLinkState, number> = { active: 0, expired: 1, revoked: 2 };
  return links
    .map((l) => ({
      id: l.id,
      token: l.token,
      viewId: l.savedViewId,
      viewName: l.savedView.name,
      password: l.passwordHash !== null,
      embedOrigins: l.embedOrigins,
      expiresAt: l.expiresAt,
      revokedAt: l.revokedAt,
      createdAt: l.createdAt,
      createdBy: creator.get(l.createdBy) ?? "a former member",
      state: shareLinkState(l, now),
    }))
    .sort((a, b) => order[a.state] - order[b.state]);
}
