// Child of `npm run bench`: the drill-down rows of a timeframe written by ClickHouse itself
// (`FORMAT CSV` through @clickhouse/client, stream drained), the yardstick for the export code.
// The same rows, order and columns as actions.csv, formatted in SQL. Argument: timeframe token.
import { createClient, type ClickHouseClientConfigOptions } from "@clickhouse/client";
import { resolveTimeframe } from "../../lib/actions-tab/resolve-timeframe";
import { parseTimeframe } from "../../lib/actions-tab/timeframe";
import { reportResult } from "./child-process";
import { BENCH_PROGRAM_ID, benchConfig } from "./config";
import { benchPrograms } from "./dataset-spec";

export interface ClickHouseCsvResult {
  seconds: number;
  bytes: number;
  lines: number;
  peakRssMb: number;
}

const [token] = process.argv.slice(2);
const config = benchConfig();
const { timezone } = benchPrograms(config.actions)[BENCH_PROGRAM_ID - 1];
const { start } = resolveTimeframe(parseTimeframe(token)!, timezone, Date.now()).current;
const { createChdbConnection } = await import("chdb/connection");
const client = createClient({
  connection: createChdbConnection({ path: config.analyticsPath }) as unknown as NonNullable<
    ClickHouseClientConfigOptions["connection"]
  >,
});

const iso = (column: string) => `concat(replaceOne(toString(${column}, {tz:String}), ' ', 'T'),
  if(timeZoneOffset(toDateTime(${column}, {tz:String})) < 0, '-', '+'),
  leftPad(toString(intDiv(abs(timeZoneOffset(toDateTime(${column}, {tz:String}))), 3600)), 2, '0'), ':',
  leftPad(toString(intDiv(abs(timeZoneOffset(toDateTime(${column}, {tz:String}))) % 3600, 60)), 2, '0'))`;
const db = config.analyticsDatabase;
const query = `
  SELECT ${iso("a.occurred_at")} AS occurred, ${iso("a.created_at")} AS received,
         concat(p.first_name, ' ', p.last_name) AS partner_name, p.email AS partner_email,
         ifNull(c.email, '') AS customer_email, a.key AS key, t.name AS type, a.value AS value,
         concat(toString(intDiv(a.reward_cents, 100)), '.', leftPad(toString(a.reward_cents % 100), 2, '0')) AS reward,
         multiIf(JSONExtractString(a.reward_outcome, 'kind') = 'rewarded',
                   concat('Rule ', toString(JSONExtractUInt(a.reward_outcome, 'rules', 1, 'ruleId'))),
                 JSONExtractString(a.reward_outcome, 'reason') = 'no_rule_for_type',
                   'No reward: no rule for this action type',
                 concat('No reward — Rule ', toString(JSONExtractUInt(a.reward_outcome, 'rules', 1, 'ruleId')),
                        ': ', JSONExtractString(a.reward_outcome, 'rules', 1, 'outcome'))) AS reason
  FROM ${db}.actions AS a FINAL
  JOIN (SELECT id, first_name, last_name, email FROM ${db}.partnerships FINAL WHERE program_id = {program:UInt32}) AS p
    ON p.id = a.partnership_id
  JOIN (SELECT id, name FROM ${db}.action_types FINAL WHERE program_id = {program:UInt32}) AS t
    ON t.id = a.action_type_id
  LEFT JOIN (SELECT id, email FROM ${db}.customers FINAL WHERE program_id = {program:UInt32}) AS c
    ON c.id = a.customer_id
  WHERE a.program_id = {program:UInt32} AND a.archived = 0
    AND a.occurred_at >= fromUnixTimestamp64Milli({start:Int64}, 'UTC')
  ORDER BY a.occurred_at DESC, a.id DESC`;

const started = performance.now();
const result = await client.query({
  query,
  query_params: { tz: timezone, program: BENCH_PROGRAM_ID, start: start ?? 0 },
  format: "CSV",
});
let bytes = 0;
let lines = 0;
for await (const rows of result.stream()) {
  for (const row of rows) {
    bytes += Buffer.byteLength(row.text) + 1;
    lines++;
  }
}
reportResult({
  seconds: (performance.now() - started) / 1000,
  bytes,
  lines,
  peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
} satisfies ClickHouseCsvResult);
