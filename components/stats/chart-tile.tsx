import { getSeries } from "@/lib/stats/get-series";
import { breakdownLabel, countsInSeveral } from "@/lib/stats/breakdown/breakdown";
import { BreakdownSelect } from "./breakdown-select";
import type { TabScope } from "@/lib/stats/scope";
import { periodLabel, soFar } from "@/lib/stats/chart/period-label";
import { OccurrencesChart } from "./occurrences-chart";
import { DownloadMenu, exportLinks } from "./download-menu";
import { Tile } from "./tile";
import type { ReactNode } from "react";
import type { Annotation } from "@/lib/annotations/list-annotations";
import { noteMarkers, notesOnChart, type ChartNote } from "@/lib/annotations/chart-notes";
import { ChartNotes } from "./chart-notes";

const UNIT_LABEL = {
  day: "day",
  week: "week (Monday start)",
  month: "month",
  quarter: "quarter",
  year: "year",
} as const;

export async function ChartTile({
  scope,
  exportBase,
  exportQuery,
  properties,
  annotations,
  noteActions,
  noteForm,
}: {
  scope: TabScope;
  /** Notes on the time axis of this view (lib/annotations): markers on the bars and a list. */
  annotations?: Promise<Annotation[]>;
  /** A manager's buttons beside a note (delete), and the form that adds one. */
  noteActions?: (note: ChartNote) => ReactNode;
  noteForm?: ReactNode;
  /** Where the tile's downloads are (none on a partner page). */
  exportBase?: string;
  exportQuery?: string;
  /** The program's property names: with them, the tile offers "Stack by" (the tab's chart). */
  properties?: readonly string[];
}) {
  const [series, noted] = await Promise.all([getSeries(scope), annotations]);
  const drawn = series.types.filter((t) => !series.hidden.includes(t));
  const name = (bucket: string) => {
    const label = periodLabel(bucket, series.unit);
    return bucket === series.partialBucket ? soFar(label) : label;
  };
  const stackedBy =
    series.by.kind === "property"
      ? `property ${series.by.key}`
      : breakdownLabel(series.by).toLowerCase();
  const notes = notesOnChart(noted ?? [], series.rows, series.unit);
  const total = series.rows.reduce(
    (sum, row) => sum + series.types.reduce((s, t) => s + Number(row[t]), 0),
    0,
  );
  return (
    <Tile
      title="Occurrences over time"
      menu={
        exportBase !== undefined && (
          <DownloadMenu
            label="Occurrences over time"
            links={exportLinks(exportBase, "chart", exportQuery ?? "")}
          />
        )
      }
    >
      {properties && (
        <div className="mb-2 flex justify-end">
          <BreakdownSelect param="stack_by" value={series.by} properties={properties} />
        </div>
      )}
      <p className="text-xs text-gray-500">
        Per {UNIT_LABEL[series.unit]}, stacked by {stackedBy}, in {scope.timezone}.
        {series.unit !== series.requestedUnit &&
          ` Shown per ${series.unit}: per ${series.requestedUnit} would draw too many bars for this timeframe.`}
        {series.otherTypes > 0 &&
          ` The ${series.types.length - 1} most frequent are drawn; “${series.other}” sums the other ${series.otherTypes}.`}
        {countsInSeveral(series.by) &&
          " A partner with several tags counts under each, so the stacks can add up to more than the total."}
        {series.partialBucket !== null &&
          ` The lighter bar is ${soFar(periodLabel(series.partialBucket, series.unit))}.`}
      </p>
      {total === 0 ? (
        <p className="flex h-72 items-center justify-center text-sm text-gray-500">
          No actions match these filters in this timeframe.
        </p>
      ) : (
        <>
          <OccurrencesChart series={series} marks={noteMarkers(notes)} />
          {/* sr-only on the table itself would not shrink it: a table is as wide as its cells. */}
          <div className="sr-only">
            <table>
              <caption>
                Occurrences per {series.unit} and {stackedBy}
                {series.hidden.length > 0 && ` (hidden in the chart: ${series.hidden.join(", ")})`}
              </caption>
              <thead>
                <tr>
                  <th>Period</th>
                  {drawn.map((t) => (
                    <th key={t}>{t}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {series.rows.map((row) => (
                  <tr key={row.bucket}>
                    <td>{name(row.bucket)}</td>
                    {drawn.map((t) => (
                      <td key={t}>{row[t]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ChartNotes notes={notes} actions={noteActions} />
        </>
      )}
      {noteForm}
    </Tile>
  );
}
