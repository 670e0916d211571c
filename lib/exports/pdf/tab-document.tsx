import { Document, Page, Text, View } from "@react-pdf/renderer";
import { config } from "../../config/config.mjs";
import type { Series } from "../../stats/get-series";
import type { PdfFonts } from "./fonts";
import { PdfFirstPage } from "./pdf-first-page";
import { pdfStyles as s } from "./pdf-styles";
import { omittedNote, TablePages, type PdfTable } from "./pdf-table";

export { omittedNote };

/**
 * Table cells a PDF holds; the rest is counted and left to the CSV. Tables are drawn one node per
 * page (`pdf-table.tsx`), so a cell costs about 40–55 µs and 2 KB of memory while rendering
 * (`npm run bench:pdf`, `bench:pdf-memory`): 70,000 cells (10,000 occurrence-table rows, 7,000
 * drill-down rows) take under 3.5 s and +160 MB even when every cell differs, inside the 15 s and
 * +300 MB a PDF may cost: `PDF_MAX_CELLS`, 70,000 by default (lib/config/variables.mjs).
 */
export function pdfRowLimit(columns: number) {
  return Math.max(1, Math.floor(config().PDF_MAX_CELLS / Math.max(1, columns)));
}

export type PdfSection =
  | { kind: "numbers"; items: { title: string; value: string; change: string | null }[] }
  | {
      kind: "chart";
      title: string;
      series: Series;
      note: string;
      /** Numbered markers above the bars holding notes, and the notes' lines (the rest counted). */
      marks?: { i: number; label: string }[];
      notes?: string[];
      moreNotes?: number;
    }
  | ({ kind: "table" } & PdfTable);

type TableSection = Extract<PdfSection, { kind: "table" }>;

/** A PDF of the whole tab or of one tile: header with filters, then the sections, paginated. */
export function TabDocument({
  title,
  programName,
  filterLines,
  sections,
  fonts,
}: {
  title: string;
  programName: string;
  filterLines: string[];
  sections: PdfSection[];
  /** From `loadPdfFonts()`: tables are measured and drawn with them. */
  fonts: PdfFonts;
}) {
  const running: [string, string] = [
    `Actionboard · ${programName} · ${title}`,
    filterLines[filterLines.length - 1] ?? "",
  ];
  const pageNumber = (
    <Text
      style={s.footer}
      fixed
      render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
    />
  );
  const tables = sections.filter((x): x is TableSection => x.kind === "table");
  return (
    <Document title={`${programName} — ${title}`} author="Actionboard">
      <Page size="A4" orientation="landscape" style={s.page}>
        <View style={s.running} fixed>
          <Text>{running[0]}</Text>
          <Text>{running[1]}</Text>
        </View>
        {pageNumber}
        <PdfFirstPage title={title} filterLines={filterLines} sections={sections} />
      </Page>
      {tables.map((section, i) => (
        <TablePages
          key={i}
          section={section}
          running={running}
          pageNumber={pageNumber}
          fonts={fonts}
        />
      ))}
    </Document>
  );
}
