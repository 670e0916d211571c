// The previous PDF layout (commit 19f84c4), kept only as the baseline `npm run bench:pdf` compares with.
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Style } from "@react-pdf/types";
import { omittedNote, type PdfSection } from "../../lib/exports/pdf/tab-document";
import { registerPdfFonts } from "../../lib/exports/pdf/fonts";
import { PdfChart } from "../../lib/exports/pdf/pdf-chart";

type TableSection = Extract<PdfSection, { kind: "table" }>;

const s = StyleSheet.create({
  page: {
    padding: 28,
    paddingBottom: 40,
    fontSize: 8,
    color: "#111827",
    fontFamily: "DejaVu Sans",
  },
  running: {
    position: "absolute",
    top: 12,
    left: 28,
    right: 28,
    fontSize: 7,
    color: "#6b7280",
    flexDirection: "row",
    justifyContent: "space-between",
  },
  footer: {
    position: "absolute",
    bottom: 16,
    left: 28,
    right: 28,
    fontSize: 7,
    color: "#6b7280",
    textAlign: "right",
  },
  title: { fontSize: 16, fontWeight: "bold", marginBottom: 4 },
  filters: { marginBottom: 10, padding: 6, backgroundColor: "#f3f4f6" },
  h2: { fontSize: 11, fontWeight: "bold", marginTop: 10, marginBottom: 4 },
  numbers: { flexDirection: "row", flexWrap: "wrap" },
  number: { width: "20%", padding: 4 },
  numberValue: { fontSize: 13, fontWeight: "bold" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb" },
  headRow: { flexDirection: "row", backgroundColor: "#e5e7eb", fontWeight: "bold" },
  cell: { flex: 1, padding: 2 },
  note: { marginTop: 4, color: "#b45309" },
});

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
  const others = sections.filter((x) => x.kind !== "table");
  return (
    <Document title={`${programName} — ${title}`} author="Actionboard">
      <Page size="A4" orientation="landscape" style={[s.page, { fontFamily }]}>
        {chrome}
        <Text style={s.title}>{title}</Text>
        <View style={s.filters}>
          {filterLines.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </View>
        {tables
          .filter((table) => table.omitted > 0)
          .map((table) => (
            <Text key={table.title} style={[s.note, { marginBottom: 6 }]}>
              {omittedNote(table)}
            </Text>
          ))}
        {others.map((section, i) => (
          <View key={i}>
            {section.kind === "numbers" && (
              <View style={s.numbers}>
                {section.items.map((item) => (
                  <View key={item.title} style={s.number}>
                    <Text>{item.title}</Text>
                    <Text style={s.numberValue}>{item.value}</Text>
                    {item.change && <Text style={{ color: "#6b7280" }}>{item.change}</Text>}
                  </View>
                ))}
              </View>
            )}
            {section.kind === "chart" && (
              <View wrap={false}>
                <Text style={s.h2}>{section.title}</Text>
                <Text style={{ color: "#6b7280", marginBottom: 4 }}>{section.note}</Text>
                <PdfChart series={section.series} />
              </View>
            )}
          </View>
        ))}
        {others.length === 0 && (
          <Text style={{ color: "#6b7280" }}>The table follows on the next pages.</Text>
        )}
      </Page>
      {tables.map((section, i) => (
        <TablePages key={i} section={section} chrome={chrome} />
      ))}
    </Document>
  );
}
