import { StyleSheet } from "@react-pdf/renderer";
import { PAGE } from "./table-geometry";

export const PDF_TEXT_COLOR = "#111827";
export const PDF_RULE_COLOR = "#e5e7eb";
export const PDF_MUTED_COLOR = "#6b7280";
/** Where the running header sits, from the top of the page. */
export const PDF_RUNNING_TOP = 12;

export const pdfStyles = StyleSheet.create({
  page: {
    padding: PAGE.padding,
    paddingBottom: PAGE.paddingBottom,
    fontSize: 8,
    color: PDF_TEXT_COLOR,
    fontFamily: "DejaVu Sans",
  },
  running: {
    position: "absolute",
    top: PDF_RUNNING_TOP,
    left: 28,
    right: 28,
    fontSize: 7,
    color: PDF_MUTED_COLOR,
    flexDirection: "row",
    justifyContent: "space-between",
  },
  footer: {
    position: "absolute",
    bottom: 16,
    left: 28,
    right: 28,
    fontSize: 7,
    color: PDF_MUTED_COLOR,
    textAlign: "right",
  },
  title: { fontSize: 16, fontWeight: "bold", marginBottom: 4 },
  filters: { marginBottom: 10, padding: 6, backgroundColor: "#f3f4f6" },
  h2: { fontSize: 11, fontWeight: "bold", marginTop: 10, marginBottom: 4 },
  numbers: { flexDirection: "row", flexWrap: "wrap" },
  number: { width: "20%", padding: 4 },
  numberValue: { fontSize: 13, fontWeight: "bold" },
  note: { marginTop: 4, color: "#b45309" },
});
