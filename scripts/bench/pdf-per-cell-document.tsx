// The previous PDF layout (commit 19f84c4), kept only as the baseline `npm run bench:pdf` compares with.
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Style } from "@react-pdf/types";
import { omittedNote, type PdfSection } from "../../lib/exports/pdf/tab-document";
import { registerPdfFonts } from "../../lib/exports/pdf/fonts";
import { PdfFirstPage } from "../../lib/exports/pdf/pdf-first-page";
import { pdfStyles } from "../../lib/exports/pdf/pdf-styles";

type TableSection = Extract<PdfSection, { kind: "table" }>;

// The page, header and first-page styles are the app's; rows and cells are the old layout's.
const s = {
  ...pdfStyles,
  ...StyleSheet.create({
    row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb" },
    headRow: { flexDirection: "row", backgroundColor: "#e5e7eb", fontWeight: "bold" },
    cell: { flex: 1, padding: 2 },
  }),
};

// react-pdf's automatic page breaking is quadratic in the number of rows; tables are cut into
// pages here instead (one line per row, ellipsis for long cells), which keeps 50,000 rows linear.
const ROWS_PER_PAGE = 32;
const oneLine: Style = { maxLines: 1, textOverflow: "ellipsis" };

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

function TableRow({
  cells,
  numeric,
  style,
  wrapText = false,
}: {
  cells: string[];
  numeric: boolean[];
  style: Style | Style[];
  wrapText?: boolean;
}) {
  return (
    <View style={style}>
      {cells.map((cell, i) => (
        <Text
          key={i}
          style={[
            s.cell,
            wrapText ? {} : oneLine,
            numeric[i] ? { textAlign: "right", flex: 0.8 } : { flex: 1.4 },
          ]}
        >
          {cell}
        </Text>
      ))}
    </View>
  );
}

function TablePages({ section, chrome }: { section: TableSection; chrome: ReactNode }) {
  const pages = chunk(section.rows, ROWS_PER_PAGE);
  return (
    <>
      {pages.map((rows, p) => (
        <Page key={p} size="A4" orientation="landscape" style={s.page} wrap={false}>
          {chrome}
          <Text style={s.h2}>
            {section.title}
            {pages.length > 1 ? ` (part ${p + 1} of ${pages.length})` : ""}
          </Text>
          <TableRow cells={section.header} numeric={section.numeric} style={s.headRow} wrapText />
          {rows.map((row, r) => (
            <TableRow key={r} cells={row} numeric={section.numeric} style={s.row} />
          ))}
          {p === pages.length - 1 && section.footer && (
            <TableRow
              cells={section.footer}
              numeric={section.numeric}
              style={[s.row, { fontWeight: "bold" }]}
            />
          )}
          {p === pages.length - 1 && section.omitted > 0 && (
            <Text style={s.note}>{omittedNote(section)}</Text>
          )}
        </Page>
      ))}
    </>
  );
}

/** The baseline of `npm run bench:pdf`: the PDF layout before issue 10, one react-pdf <Text> per table cell. */
export function PerCellTabDocument({
  title,
  programName,
  filterLines,
  sections,
}: {
  title: string;
  programName: string;
  filterLines: string[];
  sections: PdfSection[];
}) {
  const fontFamily = registerPdfFonts();
  const chrome = (
    <>
      <View style={s.running} fixed>
        <Text>
          Actionboard · {programName} · {title}
        </Text>
        <Text>{filterLines[filterLines.length - 1]}</Text>
      </View>
      <Text
        style={s.footer}
        fixed
        render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
      />
    </>
  );
  const tables = sections.filter((x): x is TableSection => x.kind === "table");
  return (
    <Document title={`${programName} — ${title}`} author="Actionboard">
      <Page size="A4" orientation="landscape" style={[s.page, { fontFamily }]}>
        {chrome}
        <PdfFirstPage title={title} filterLines={filterLines} sections={sections} />
      </Page>
      {tables.map((section, i) => (
        <TablePages key={i} section={section} chrome={chrome} />
      ))}
    </Document>
  );
}
