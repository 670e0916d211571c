/**
 * The benchmark's programs and how each column is derived. Every "random" choice is a hash of the
 * row number (PostgreSQL's hashint8), so a rebuild of the same size gives the same rows, apart
 * from times, which end at the moment of the build (the dataset's "now").
 */
/**
 * How program 1's actions are spread. `power`: power-law activity, 8 types, few distinct values,
 * times growing towards now (≈ 465,000 table rows at 10M). `wide`: every partnership, type
 * (7) and value (1–20) equally likely, times uniform over the two years (≈ 2.7 million table
 * rows at 10M: the table's worst case).
 */
export type BenchShape = "power" | "wide";

export interface BenchProgram {
  id: number;
  spread: BenchShape;
  /** Action types used (the first of ACTION_TYPES). */
  types: number;
  slug: string;
  name: string;
  timezone: string;
  partners: number;
  customers: number;
  actions: number;
  groups: string[];
  managers: number;
  /** Global id of the first row of each table, minus one (ids are shared serials). */
  base: {
    user: number;
    group: number;
    tag: number;
    type: number;
    rule: number;
    partner: number;
    customer: number;
    action: number;
  };
}

const GROUPS = [
  "Affiliates",
  "Resellers",
  "Influencers",
  "Agencies",
  "Referral customers",
  "Publishers",
];

/** Tag names and the share of partnerships (%) carrying each. The third (id 3 in program 1) filters ~12%. */
export const TAGS: [string, number][] = [
  ["vip", 4],
  ["newsletter", 20],
  ["tier-3", 12],
  ["influencer", 8],
  ["coupon", 15],
  ["b2b", 6],
  ["content", 10],
  ["paused", 3],
];

/** Action types and their share of actions (%). */
export const ACTION_TYPES: [string, number][] = [
  ["page_view", 35],
  ["signup_started", 20],
  ["signup_completed", 15],
  ["trial_started", 10],
  ["purchase", 8],
  ["subscription_renewed", 6],
  ["review_posted", 4],
  ["refund", 2],
];

export const LAST_NAMES = [
  "Smith",
  "Garcia",
  "Müller",
  "Okafor",
  "Nakamura",
  "Rossi",
  "Dubois",
  "Kowalski",
  "Silva",
  "Haddad",
  "Jensen",
  "O'Brien",
  "Novak",
  "Park",
  "Costa",
  "Ivanova",
];

export const EMAIL_DOMAINS = ["mail.test", "corp.test", "agency.test", "partners.test"];

/** One big program (the one measured) and three small ones sharing the tables. */
export function benchPrograms(actions: number, shape: BenchShape = "power"): BenchProgram[] {
  const small = Math.max(1000, Math.round(actions / 200));
  const shapes = [
    {
      slug: "bench",
      name: "Bench",
      spread: shape,
      types: shape === "wide" ? 7 : ACTION_TYPES.length,
      timezone: "America/New_York",
      partners: 20_000,
      customers: 400_000,
      actions,
      groups: 6,
      managers: 5,
    },
    {
      slug: "bench-small-eu",
      spread: "power" as BenchShape,
      types: ACTION_TYPES.length,
      name: "Bench small EU",
      timezone: "Europe/Berlin",
      partners: 500,
      customers: 5_000,
      actions: small,
      groups: 3,
      managers: 2,
    },
    {
      slug: "bench-small-apac",
      spread: "power" as BenchShape,
      types: ACTION_TYPES.length,
      name: "Bench small APAC",
      timezone: "Asia/Tokyo",
      partners: 500,
      customers: 5_000,
      actions: small,
      groups: 3,
      managers: 2,
    },
    {
      slug: "bench-small-utc",
      spread: "power" as BenchShape,
      types: ACTION_TYPES.length,
      name: "Bench small UTC",
      timezone: "UTC",
      partners: 300,
      customers: 3_000,
      actions: small,
      groups: 2,
      managers: 1,
    },
  ];
  const base = { user: 0, group: 0, tag: 0, type: 0, rule: 0, partner: 0, customer: 0, action: 0 };
  return shapes.map((shape, i) => {
    const program: BenchProgram = {
      ...shape,
      id: i + 1,
      groups: GROUPS.slice(0, shape.groups),
      base: { ...base },
    };
    base.user += shape.managers;
    base.group += shape.groups;
    base.tag += TAGS.length;
    base.type += ACTION_TYPES.length;
    base.rule += 3;
    base.partner += shape.partners;
    base.customer += shape.customers;
    base.action += shape.actions;
    return program;
  });
}
