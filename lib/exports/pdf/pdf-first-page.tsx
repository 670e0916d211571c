import { Text, View } from "@react-pdf/renderer";
import { PdfChart } from "./pdf-chart";
import { pdfStyles as s } from "./pdf-styles";
import { omittedNote } from "./pdf-table";
import type { PdfSection } from "./tab-document";

/**
 * The first page's content: title, filters, a note for each cut table, then the numbers and the
 * chart (the tables follow on their own pages).
 */
export function PdfFirstPage({
  title,
  filterLines,
  sections,
}: {
  title: string;
  filterLines: string[];
  sections: PdfSection[];
}) {
  const others = sections.filter((x) => x.kind !== "table");
  return (
    <>
      <Text style={s.title}>{title}</Text>
      <View style={s.filters}>
        {filterLines.map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </View>
      {sections.map(
        (table) =>
          table.kind === "table" &&
          table.omitted > 0 && (
            <Text key={table.title} style={[s.note, { marginBottom: 6 }]}>
              {omittedNote(table)}
            </Text>
          ),
      )}
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
              <PdfChart series={section.series} marks={section.marks} />
              {section.notes?.map((line) => (
                <Text key={line} style={{ color: "#374151", fontSize: 7, marginTop: 2 }}>
                  {line}
                </Text>
              ))}
              {(section.moreNotes ?? 0) > 0 && (
                <Text style={{ color: "#6b7280", fontSize: 7, marginTop: 2 }}>
                  And {section.moreNotes} more notes (listed on the tab and in the reporting API).
                </Text>
              )}
            </View>
          )}
        </View>
      ))}
      {others.length === 0 && (
        <Text style={{ color: "#6b7280" }}>The table follows on the next pages.</Text>
      )}
    </>
  );
}
