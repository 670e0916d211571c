// The reporting API's query and answer (GET /api/v2/reports/actions): the Actions tab's own URL
// parameters in, its tiles, chart series and table out. The OpenAPI document is generated from
// these schemas, and the route's tests hold every answer to `actionsReportOutput`.
import { z } from "zod";
import { chartParsers, filterParsers, tableParsers, TABLE_SORTS } from "../stats/url/search-params";
import { TAB_PARAM_LABELS } from "../stats/url/load-tab-state";
import { FILTERS } from "../stats/filters/filters";
import { YES_NO } from "../stats/filters/kinds";
import { ANNOTATION_ORIGINS, type AnnotationOrigin } from "../annotations/annotation-origins";

/** The tab's parameters the report reads: its filters, the chart's state and the table's order. */
export const REPORT_TAB_PARAMS = [
  ...Object.keys(filterParsers),
  ...Object.keys(chartParsers),
  ...Object.keys(tableParsers).filter((key) => key !== "view"),
];

const PARAM_HELP: Record<string, string> = {
  timeframe:
    "As in the tab's URL: `past_30_days`, `past_12_complete_months`, `any_time`, `since_2026-01-01`, `range_2026-09-01_2026-12-01` (end exclusive)…",
  timescale: "`day`, `week`, `month`, `quarter` or `year` (coarser when the span is too long)",
  compare: "`previous_period` (default), `previous_year` or `none`",
  stack_by:
    "What the series are split by: `type` (default), `group`, `manager`, `tag`, `marketplace`, `partner` or `property:<name>`",
  rows_by:
    "Group the table's rows by a breakdown (as `stack_by`); unset: one row per partner, type and value",
  hidden: "Series marked hidden (comma-separated names, `~0`/`~1` escape `~`/`,`)",
  sort: `The table's order: ${TABLE_SORTS.map((v) => `\`${v}\``).join(", ")} (default \`occurrences\`; a grouped table sorts by its label for the text sorts)`,
  dir: "`asc` or `desc`",
  page: "The table's page (1 = first), `limit` rows each",
};

const quoted = (values: readonly string[]) =>
  values.map((v, i) => `\`${v}\`${i === 0 ? " (default)" : ""}`).join(" or ");

/** Each declared filter's parameters, described from its declaration (lib/stats/filters). */
const FILTER_HELP: Record<string, string> = Object.fromEntries(
  FILTERS.flatMap((f): [string, string][] => {
    switch (f.kind) {
      case "ids":
        return [
          [f.key, `${f.label}: the program's ids, comma-separated, as in the tab's URL`],
          [f.opKey, `${f.label}: ${quoted(f.opValues)}`],
        ];
      case "text":
        return [[f.key, `${f.control} (any case)`]];
      case "flag":
        return [[f.key, `${f.label}: ${quoted(YES_NO)}`]];
      case "property":
        return [
          [f.key, `${f.label}: \`<name>=<value>,<value>…\` (\`~0\`/\`~1\` escape \`~\`/\`,\`)`],
          [f.opKey, `${f.label}: \`include\` (default) or \`exclude\``],
        ];
    }
  }),
);

const tabParam = (key: string) =>
  z
    .string()
    .optional()
    .meta({
      description:
        PARAM_HELP[key] ??
        FILTER_HELP[key] ??
        `${TAB_PARAM_LABELS[key] ?? key}, as in the tab's URL`,
    });

export const reportActionsQuery = z.strictObject({
  ...Object.fromEntries(REPORT_TAB_PARAMS.map((key) => [key, tabParam(key)])),
  limit: z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.int().min(1, "must be between 1 and 250").max(250, "must be between 1 and 250"))
    .default(25)
    .meta({ description: "Rows of the table per page (1–250, default 25)" }),
  explain: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("false")
    .transform((v) => v === "true")
    .meta({
      description:
        "`true`: also say what moved the occurrences against the period compared with (`movers`)",
    }),
});

const numbers = z.object({
  occurrences: z.int(),
  total_value: z.int().meta({ description: "Sum of the actions' values" }),
  rewards: z.int().meta({ description: "Rewards of the actions, in cents" }),
  partners: z.int().meta({ description: "Partners with actions" }),
  customers: z.int().meta({ description: "Customers with actions" }),
});

const period = z.object({
  start: z.int().nullable().meta({ description: "First instant (epoch ms); null: no start" }),
  end: z.int().nullable().meta({ description: "Instant after the last one (epoch ms); null: now" }),
  description: z.string().meta({ description: "Its local days, inclusive, as the tab says them" }),
});

const counted = {
  occurrences: z.int(),
  rewards: z.int().meta({ description: "In cents" }),
  previous_occurrences: z
    .int()
    .nullable()
    .meta({ description: "In the period compared with; null when nothing is compared" }),
  previous_rewards: z.int().nullable(),
};

const detailedRow = z.object({
  partner_key: z.string(),
  partner_name: z.string(),
  partner_email: z.string(),
  action_type: z.string(),
  action_value: z.int(),
  ...counted,
});

const groupedRow = z.object({
  key: z.string().meta({ description: "The breakdown's key (`~none`: no manager, tag or value)" }),
  label: z.string(),
  ...counted,
});

const annotationOutput = z.object({
  day: z.string().meta({ description: "Local date (YYYY-MM-DD) in the program's time zone" }),
  bucket: z.string().meta({ description: "The start of the series' bucket holding that day" }),
  text: z.string(),
  origin: z
    .enum(Object.keys(ANNOTATION_ORIGINS) as [AnnotationOrigin, ...AnnotationOrigin[]])
    .meta({
      description:
        "manual: a manager's note; reward_rule, group, program_settings: noted by the change itself",
    }),
  author: z.string().nullable(),
  created_at: z.int(),
});

const moverOutput = z.object({
  by: z.string().meta({ description: "The dimension: `partner`, `group`, `type` or `tag`" }),
  key: z.string(),
  label: z.string(),
  occurrences: z.int(),
  previous_occurrences: z.int(),
  change: z.int(),
  share: z.number().meta({ description: "Of the view's change (0–1)" }),
});

export const actionsReportOutput = z.object({
  timezone: z.string(),
  currency: z.string(),
  view: z.object({
    query: z.string().meta({
      description: "The view's canonical query string: the tab at `tab_path` shows these numbers",
    }),
    tab_path: z.string(),
    timeframe: period,
    compared: period.extend({ title: z.string() }).nullable(),
  }),
  tiles: z.object({ current: numbers, previous: numbers.nullable() }),
  series: z.object({
    timescale: z.string().meta({ description: "The one drawn (coarser than asked on long spans)" }),
    stacked_by: z.string(),
    names: z.array(
      z.object({
        name: z.string(),
        color: z.string().nullable(),
        hidden: z.boolean().meta({ description: "Named by `hidden` (still counted everywhere)" }),
      }),
    ),
    buckets: z.array(
      z.object({
        start: z.string().meta({ description: "The bucket's first local date (YYYY-MM-DD)" }),
        label: z.string(),
        partial: z.boolean().meta({ description: "The bucket still under way (so far)" }),
        total: z.int(),
        values: z.record(z.string(), z.int()),
        compared: z.int().nullable(),
      }),
    ),
  }),
  table: z.object({
    grouped_by: z.string().nullable(),
    sort: z.string(),
    dir: z.enum(["asc", "desc"]),
    page: z.int(),
    limit: z.int(),
    total: z.int().meta({ description: "Rows on every page" }),
    has_more: z.boolean(),
    items: z.array(z.union([detailedRow, groupedRow])),
    totals: z.object(counted).meta({ description: "Every matching action (all pages)" }),
  }),
  movers: z.array(moverOutput).nullable().optional().meta({
    description:
      "With `explain=true`: the partners, groups, types and tags whose change explains most of the view's change against the period compared with, largest share first (null when nothing is compared or nothing changed)",
  }),
  annotations: z.array(annotationOutput).meta({
    description: "Notes on the chart's time axis within the series' buckets, oldest first",
  }),
});

export type ActionsReport = z.output<typeof actionsReportOutput>;
export type ReportActionsQuery = z.output<typeof reportActionsQuery>;
