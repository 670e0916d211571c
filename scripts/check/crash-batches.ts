// Batches of the crash check and what must hold for them after the crashes: by plain SQL, each
// stored whole or not at all, acknowledged ones stored, rewards exact; by the API, resent
// unanswered batches replayed or recorded whole.
import type { DatabaseTarget } from "../../lib/db/connection";
import { openDatabase } from "../../lib/db/open";
import { postJson } from "./api-client";
import { expectAction, type SentAction } from "./expected";
import type { CheckProgram } from "./fixture";
import type { CheckServer } from "./server";
import { compareAction, readStoredActions } from "./stored-actions";

export const BATCH = 1_000;

export interface Batch {
  id: number;
  round: number;
  actions: SentAction[];
  state: "acked" | "unanswered" | "refused";
}

/** Stored actions of the program by the API's own count (a multiple of 1,000 if no batch split). */
export async function apiTotal(server: CheckServer, program: CheckProgram): Promise<number> {
  const response = await fetch(new URL("/api/v2/actions?limit=1", server.base), {
    headers: { authorization: program.authorization },
  });
  if (response.status !== 200) throw new Error(`GET /api/v2/actions answered ${response.status}`);
  return ((await response.json()) as { data: { total: number } }).data.total;
}

/** Stored keys against the batches: acked ones whole, none split, nothing unsent, rewards exact. */
export async function verifyStored(
  target: DatabaseTarget,
  program: CheckProgram,
  batches: Batch[],
) {
  const violations: string[] = [];
  const db = await openDatabase(target);
  const stored = await db.withRunner((runner) => readStoredActions(runner, program.programId));
  await db.close();
  const sent = new Set<string>();
  const storedBatches = new Set<number>();
  for (const batch of batches) {
    const present = batch.actions.filter((a) => stored.has(a.key)).length;
    for (const a of batch.actions) sent.add(a.key);
    if (present === BATCH) storedBatches.add(batch.id);
    if (present !== 0 && present !== BATCH) {
      violations.push(`batch ${batch.id} (round ${batch.round}): ${present} of ${BATCH} stored`);
    }
    if (batch.state === "acked" && present !== BATCH) {
      violations.push(
        `batch ${batch.id} (round ${batch.round}) was acknowledged, ${present} stored`,
      );
    }
    for (const a of batch.actions) {
      const got = stored.get(a.key);
      if (got) violations.push(...compareAction(a.key, expectAction(a), got));
    }
  }
  for (const key of stored.keys()) {
    if (!sent.has(key)) violations.push(`${key}: stored but never sent`);
  }
  const rewards = [...stored.values()].reduce(
    (n, a) => n + [...a.rewards.values()].reduce((m, r) => m + r.count, 0),
    0,
  );
  return { violations, storedBatches, storedActions: stored.size, rewards };
}

/** Resends each unanswered batch: a stored one must replay whole, another must be recorded whole. */
export async function resendUnanswered(
  server: CheckServer,
  program: CheckProgram,
  unanswered: Batch[],
  storedBatches: Set<number>,
): Promise<string[]> {
  const violations: string[] = [];
  for (const batch of unanswered) {
    const answer = await postJson(server.base, program.authorization, "/api/v2/actions/batch", {
      actions: batch.actions,
    });
    const results = (answer.json?.data?.results ?? []) as { status: number; replayed: boolean }[];
    const wasStored = storedBatches.has(batch.id);
    const asExpected = results.filter((r) => r.status === 200 && r.replayed === wasStored).length;
    if (answer.status !== 200 || asExpected !== BATCH) {
      violations.push(
        `resent batch ${batch.id} (${wasStored ? "stored" : "not stored"}): ${answer.status}, ${asExpected} of ${BATCH} answered ${wasStored ? "replayed" : "recorded"}`,
      );
    }
  }
  return violations;
}
