// What check:load sends, decided up front from a seed: steps for pairs of clients. In each step
// both clients of a pair send one request at the same instant (single POSTs or batches); a share
// of the actions is in both requests — same key, same body — so duplicates race each other.
import { createRandom } from "../../lib/seed/random";
import { randomAction, type SentAction } from "./expected";

export interface Send {
  kind: "single" | "batch";
  actions: SentAction[];
}

/** One or two requests sent together by the two clients of a pair. */
type Step = Send[];

interface LoadPlan {
  /** Steps of each pair of clients, in order. */
  pairs: Step[][];
  /** Every distinct action sent, by key. */
  unique: Map<string, SentAction>;
  sends: number;
  singleSends: number;
  duplicateSends: number;
}

interface LoadPlanOptions {
  actions: number;
  clients: number;
  /** Share of sends that repeat an action the other client sends at the same time (0.1). */
  duplicates: number;
  /** Share of sends that go as single POSTs; the rest go in batches. */
  singleShare: number;
  maxBatch: number;
  seed: number;
  now: number;
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export function buildLoadPlan(o: LoadPlanOptions): LoadPlan {
  const random = createRandom(o.seed);
  const unique = new Map<string, SentAction>();
  let counter = 0;
  const fresh = () => {
    const action = randomAction(`ld-${(counter++).toString(36)}`, random, o.now);
    unique.set(action.key, action);
    return action;
  };
  const steps: Step[] = [];
  let sends = 0;
  let singleSends = 0;
  let duplicateSends = 0;
  const minBatch = Math.min(10, o.maxBatch);
  while (sends < o.actions) {
    const remaining = o.actions - sends;
    if (remaining === 1) {
      steps.push([{ kind: "single", actions: [fresh()] }]);
      sends += 1;
      singleSends += 1;
    } else if (singleSends < o.singleShare * (sends + 2)) {
      const a = fresh();
      // Accumulated, so the share is exact: duplicates so far stay at `duplicates` of sends.
      const racing = duplicateSends + 1 <= o.duplicates * (sends + 2);
      steps.push([
        { kind: "single", actions: [a] },
        { kind: "single", actions: [racing ? a : fresh()] },
      ]);
      sends += 2;
      singleSends += 2;
      if (racing) duplicateSends += 1;
    } else {
      const sizeA = Math.min(random.int(minBatch, o.maxBatch), remaining - 1);
      const sizeB = Math.min(random.int(minBatch, o.maxBatch), remaining - sizeA);
      const shared = Math.min(
        sizeA,
        sizeB,
        Math.max(0, Math.round(o.duplicates * (sends + sizeA + sizeB)) - duplicateSends),
      );
      const both = Array.from({ length: shared }, fresh);
      const a = [...both, ...Array.from({ length: sizeA - shared }, fresh)];
      const b = [...both, ...Array.from({ length: sizeB - shared }, fresh)];
      steps.push([
        { kind: "batch", actions: shuffle(a, random.next) },
        { kind: "batch", actions: shuffle(b, random.next) },
      ]);
      sends += sizeA + sizeB;
      duplicateSends += shared;
    }
  }
  const pairCount = Math.max(1, Math.floor(o.clients / 2));
  const pairs: Step[][] = Array.from({ length: pairCount }, () => []);
  steps.forEach((step, i) => pairs[i % pairCount].push(step));
  return { pairs, unique, sends, singleSends, duplicateSends };
}
