// The Actions tab's numbers as a signed-in viewer downloads them (`timeframe=any_time`): the five
// number tiles and every row of the table, compared with totals computed from what was sent.
import Papa from "papaparse";
import { signInOverHttp } from "../bench/tab-over-http";
import type { ExpectedAction } from "./expected";

interface TabTotals {
  occurrences: number;
  totalValue: number;
  rewardCents: number;
  partners: number;
  customers: number;
  /** `partner key|type|value` → occurrences and reward cents of the table's row. */
  rows: Map<string, { occurrences: number; rewardCents: number }>;
  /** The table's totals row (downloads only). */
  tableTotal: { occurrences: number; rewardCents: number } | null;
}

const rowKey = (partnerKey: string, type: string, value: number | string) =>
  `${partnerKey}|${type}|${value}`;

/** "12.50" → 1250, exactly. */
function cents(decimal: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(decimal);
  if (!match) throw new Error(`"${decimal}" is not a money amount.`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

export function expectedTabTotals(actions: Iterable<ExpectedAction>): TabTotals {
  const totals: TabTotals = {
    occurrences: 0,
    totalValue: 0,
    rewardCents: 0,
    partners: 0,
    customers: 0,
    rows: new Map(),
    tableTotal: null,
  };
  const partners = new Set<string>();
  const customers = new Set<string>();
  for (const a of actions) {
    totals.occurrences += 1;
    totals.totalValue += a.value;
    totals.rewardCents += a.rewardCents;
    partners.add(a.partnerKey);
    if (a.customerKey) customers.add(a.customerKey);
    const key = rowKey(a.partnerKey, a.type, a.value);
    const row = totals.rows.get(key) ?? { occurrences: 0, rewardCents: 0 };
    row.occurrences += 1;
    row.rewardCents += a.rewardCents;
    totals.rows.set(key, row);
  }
  totals.partners = partners.size;
  totals.customers = customers.size;
  totals.tableTotal = { occurrences: totals.occurrences, rewardCents: totals.rewardCents };
  return totals;
}

async function downloadCsv(base: URL, slug: string, cookie: string, file: string) {
  const url = new URL(`/p/${slug}/actions/export/${file}?timeframe=any_time`, base);
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`${url.pathname} answered ${response.status}: ${text.slice(0, 200)}`);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  return parsed.data.slice(1);
}

/** Signs in as the viewer and reads the tab's tiles and table through its CSV downloads. */
export async function readTabTotals(
  base: URL,
  slug: string,
  viewer: { email: string; password: string },
): Promise<TabTotals> {
  const cookie = await signInOverHttp(base, viewer.email, viewer.password);
  const tile = async (name: string) => (await downloadCsv(base, slug, cookie, `${name}.csv`))[0][1];
  // The table's CSV ends with its totals row only as "CSV with totals".
  const table = await downloadCsv(base, slug, cookie, "table-with-totals.csv");
  const rows = new Map<string, { occurrences: number; rewardCents: number }>();
  let tableTotal: TabTotals["tableTotal"] = null;
  for (const [label, , partnerKey, type, value, occurrences, reward] of table) {
    // The totals row: "Total (all rows — not a partner)" and no partner key (every partnership has one).
    if (label.startsWith("Total") && partnerKey === "") {
      tableTotal = { occurrences: Number(occurrences), rewardCents: cents(reward) };
      continue;
    }
    rows.set(rowKey(partnerKey, type, value), {
      occurrences: Number(occurrences),
      rewardCents: cents(reward),
    });
  }
  return {
    occurrences: Number(await tile("occurrences")),
    totalValue: Number(await tile("total-value")),
    rewardCents: cents(await tile("total-rewards")),
    partners: Number(await tile("partners")),
    customers: Number(await tile("customers")),
    rows,
    tableTotal,
  };
}

/** Differences between the tab's numbers and the expected ones (empty: they agree). */
export function compareTabTotals(want: TabTotals, got: TabTotals): string[] {
  const problems: string[] = [];
  for (const key of [
    "occurrences",
    "totalValue",
    "rewardCents",
    "partners",
    "customers",
  ] as const) {
    if (want[key] !== got[key]) problems.push(`tab ${key} ${got[key]}, expected ${want[key]}`);
  }
  const [wt, gt] = [want.tableTotal, got.tableTotal];
  if (wt?.occurrences !== gt?.occurrences || wt?.rewardCents !== gt?.rewardCents) {
    problems.push(`table totals row ${JSON.stringify(gt)}, expected ${JSON.stringify(wt)}`);
  }
  for (const [key, row] of want.rows) {
    const shown = got.rows.get(key);
    if (shown?.occurrences !== row.occurrences || shown.rewardCents !== row.rewardCents) {
      problems.push(
        `tab row ${key}: ${shown?.occurrences ?? "missing"} occurrences / ${shown?.rewardCents ?? "-"} cents, expected ${row.occurrences} / ${row.rewardCents}`,
      );
    }
  }
  for (const key of got.rows.keys()) {
    if (!want.rows.has(key)) problems.push(`tab row ${key} was not expected`);
  }
  return problems;
}
