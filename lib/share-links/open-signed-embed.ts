import "server-only";
import { openedEmbedSecret } from "./embed-secret-store";
import type { PrismaClient } from "../generated/prisma/client";
import type { RawSearchParams } from "../stats/url/load-tab-state";
import { filterParsers } from "../stats/url/search-params";
import { formRowId } from "../forms/form-row-id";
import { sharedViewQuery } from "./shared-view-query";
import { readSignedEmbed } from "./signed-embed";

/**
 * The program, saved view and locked filters an embed URL names, when the program has an embed
 * secret, the URL is signed with it and not expired, and the view exists; null otherwise.
 */
export async function openSignedEmbed(
  prisma: PrismaClient,
  programId: number,
  token: string,
  now = Date.now(),
) {
  if (!formRowId.safeParse(programId).success) return null;
  const program = await prisma.program.findUnique({
    where: { id: programId },
    select: { id: true, name: true, timezone: true, currency: true, embedSecret: true },
  });
  const secret = openedEmbedSecret(program?.embedSecret ?? null);
  if (!program || !secret) return null;
  const payload = readSignedEmbed(token, secret, now);
  if (!payload || !formRowId.safeParse(payload.view).success) return null;
  const view = await prisma.savedView.findUnique({
    where: { programId_id: { programId, id: payload.view } },
    select: { name: true, query: true },
  });
  if (!view) return null;
  const shown = {
    id: program.id,
    name: program.name,
    timezone: program.timezone,
    currency: program.currency,
  };
  return { program: shown, view, params: payload.params ?? {} };
}

const FILTER_KEYS = new Set(Object.keys(filterParsers));

/**
 * The view's query with the signed filters over it (the visitor may page the table and hide a
 * chart series only); or the first signed parameter that is no filter of the tab.
 */
export function embeddedViewQuery(
  viewQuery: string,
  params: Record<string, string>,
  search: RawSearchParams,
): { query: RawSearchParams } | { problem: string } {
  const unknown = Object.keys(params).find((key) => !FILTER_KEYS.has(key));
  if (unknown !== undefined) return { problem: `“${unknown}” is not a filter of the tab.` };
  return { query: { ...sharedViewQuery(viewQuery, search), ...params } };
}
