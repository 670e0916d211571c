import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { Series } from "../../actions-tab/query/get-series";
import { registerPdfFonts } from "./fonts";
import { PdfChart } from "./pdf-chart";

export const PDF_ROW_LIMIT = 50_000;

export type PdfSection =
  | { kind: "numbers"; items: { title: string; value: string; change: string | null }[] }
  | { kind: "chart"; title: string; series: Series; note: string }
  | {
      kind: "table";
      title: string;
      header: string[];
      rows: string[][];
      numeric: boolean[];
      footer?: string[];
      omitted: number;
    };

const s = StyleSheet.create({
  page: { padding: 28, paddingBottom: 40, fontSize: 8, color: "#111827" },
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

function Table({ section }: { section: Extract<PdfSection, { kind: "table" }> }) {
  const align = (i: number) => (section.numeric[i] ? { textAlign: "right" as const } : {});
  return (
    <View>
      <View style={s.headRow} fixed>
        {section.header.map((h, i) => (
          <Text key={h} style={[s.cell, align(i)]}>
            {h}
          </Text>
        ))}
      </View>
      {section.rows.map((row, r) => (
        <View key={r} style={s.row} wrap={false}>
          {row.map((cell, i) => (
            <Text key={i} style={[s.cell, align(i)]}>
              {cell}
            </Text>
          ))}
        </View>
      ))}
      {section.footer && (
        <View style={[s.row, { fontWeight: "bold" }]} wrap={false}>
          {section.footer.map((cell, i) => (
            <Text key={i} style={[s.cell, align(i)]}>
              {cell}
            </Text>
          ))}
        </View>
      )}
      {section.omitted > 0 && (
        <Text style={s.note}>
          {section.omitted.toLocaleString("en-US")} more rows were left out of this PDF (it holds
          the first {PDF_ROW_LIMIT.toLocaleString("en-US")}). Download the CSV for every row.
        </Text>
      )}
    </View>
  );
}

/** A PDF of the whole tab or of one tile: header with filters, then the sections, paginated. */
export function TabDocument({
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
  return (
    <Document title={`${programName} — ${title}`} author="Actionboard">
      <Page size="A4" orientation="landscape" style={[s.page, { fontFamily }]}>
        <View style={s.running} fixed>
          <Text>
            Actionboard · {programName} · {title}
          </Text>
          <Text>{filterLines[filterLines.length - 1]}</Text>
        </View>
        <Text style={s.title}>{title}</Text>
        <View style={s.filters}>
          {filterLines.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </View>
        {sections.map((section, i) => (
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
            {section.kind === "table" && (
              <View>
                <Text style={s.h2}>{section.title}</Text>
                <Table section={section} />
              </View>
            )}
          </View>
        ))}
        <Text
          style={s.footer}
          fixed
          render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
        />
      </Page>
    </Document>
  );
}
