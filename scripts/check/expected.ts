// The checks' own model of the seeded program and its reward rules: what each action sent must be
// stored as and which rewards it must make, computed here without the app's code (lib/rewards),
// so the database and the Actions tab are compared against an independent answer.
import type { Random } from "../../lib/seed/random";

export const CHECK_PARTNERSHIPS = 200;
export const CHECK_CUSTOMERS = 2_000;
export const GROUPS = ["affiliates", "resellers"] as const;

/** Every fourth partnership is a reseller. */
export function groupOf(partnerKey: string): (typeof GROUPS)[number] {
  return Number(partnerKey.slice("ptn_".length)) % 4 === 0 ? "resellers" : "affiliates";
}

/** The partnership each seeded customer is attributed to. */
function partnerOfCustomer(customerKey: string): string {
  return `ptn_${1 + (Number(customerKey.slice("cus_".length)) % CHECK_PARTNERSHIPS)}`;
}

interface CheckRule {
  name: string;
  type: string;
  amountCents: number;
  perUnit?: boolean;
  minValue?: number;
  group?: (typeof GROUPS)[number];
  active?: boolean;
}

/** Flat, per unit, minimum value, group-scoped and inactive rules; purchases of 3+ make two rewards. */
export const CHECK_RULES: CheckRule[] = [
  { name: "Signup bounty", type: "signup_completed", amountCents: 500 },
  { name: "Retired signup bounty", type: "signup_completed", amountCents: 9_999, active: false },
  { name: "Per purchase unit", type: "purchase", amountCents: 120, perUnit: true },
  { name: "Big purchase bonus", type: "purchase", amountCents: 1_000, minValue: 3 },
  { name: "Reseller demo", type: "demo_booked", amountCents: 2_500, group: "resellers" },
];

/** `webinar_hosted` has no type yet: the first actions of it create it, concurrently. */
const SENT_TYPES = [
  "signup_completed",
  "purchase",
  "purchase",
  "demo_booked",
  "page_viewed",
  "webinar_hosted",
];

/** The body of one action as sent to POST /api/v2/actions (or inside a batch). */
export interface SentAction {
  key: string;
  target_type: "customer" | "partnership";
  target_key: string;
  type: string;
  value: number;
  occurred_at?: number;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** A random action with the given key; a third carry an event time within the past year. */
export function randomAction(key: string, random: Random, now: number): SentAction {
  const customer = random.chance(0.8);
  const action: SentAction = {
    key,
    target_type: customer ? "customer" : "partnership",
    target_key: customer
      ? `cus_${random.int(1, CHECK_CUSTOMERS)}`
      : `ptn_${random.int(1, CHECK_PARTNERSHIPS)}`,
    type: random.pick(SENT_TYPES),
    value: random.int(1, 4),
  };
  if (random.chance(1 / 3)) action.occurred_at = now - Math.floor(random.next() * YEAR_MS);
  return action;
}

export interface ExpectedAction {
  partnerKey: string;
  customerKey: string | null;
  type: string;
  value: number;
  /** Epoch ms when sent; otherwise the server's receipt time, not checked. */
  occurredAt: number | null;
  /** Rule name → amount in cents, one reward per rewarding rule. */
  rewards: Map<string, number>;
  rewardCents: number;
}

/** What one sent action must be stored as, and the rewards the rules must give it. */
export function expectAction(sent: SentAction): ExpectedAction {
  const customerKey = sent.target_type === "customer" ? sent.target_key : null;
  const partnerKey = customerKey ? partnerOfCustomer(customerKey) : sent.target_key;
  const rewards = new Map<string, number>();
  for (const rule of CHECK_RULES) {
    if (rule.type !== sent.type || rule.active === false) continue;
    if (rule.minValue !== undefined && sent.value < rule.minValue) continue;
    if (rule.group !== undefined && rule.group !== groupOf(partnerKey)) continue;
    rewards.set(rule.name, rule.perUnit ? rule.amountCents * sent.value : rule.amountCents);
  }
  return {
    partnerKey,
    customerKey,
    type: sent.type,
    value: sent.value,
    occurredAt: sent.occurred_at ?? null,
    rewards,
    rewardCents: [...rewards.values()].reduce((sum, cents) => sum + cents, 0),
  };
}
