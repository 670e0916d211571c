import { Canvas, Page, Text } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { PdfFont, PdfFonts } from "./fonts";
import {
  PDF_MUTED_COLOR,
  PDF_RULE_COLOR,
  PDF_TEXT_COLOR,
  PDF_RUNNING_TOP,
  pdfStyles as s,
} from "./pdf-styles";
import {
  PAGE,
  RULE,
  TABLE_FONT_SIZE,
  TextMeasure,
  tableGeometry,
  type PlacedText,
  type TableGeometry,
} from "./table-geometry";

export interface PdfTable {
  title: string;
  header: string[];
  rows: string[][];
  numeric: boolean[];
  /** Shares of the page width per column (default: text 1.4, numbers 0.8). */
  weights?: number[];
  footer?: string[];
  /** Rows left out past the PDF's row limit (`rows.length` is the limit then). */
  omitted: number;
}

/** What a cut table says, on the first page and after its last row. */
export function omittedNote(section: PdfTable): string {
  const shown = section.rows.length.toLocaleString("en-US");
  const all = (section.rows.length + section.omitted).toLocaleString("en-US");
  return `${section.title}: this PDF shows the first ${shown} of ${all} rows, to keep its size printable. Download the CSV for every row.`;
}

/** The pdfkit calls react-pdf's <Canvas> hands to `paint` that the table uses. */
interface Painter {
  rect(x: number, y: number, w: number, h: number): Painter;
  fill(color: string): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  lineWidth(width: number): Painter;
  stroke(color: string): Painter;
  fillColor(color: string): Painter;
  font(font: PdfFont, size: number): Painter;
  text(text: string, x: number, y: number, options: { lineBreak: false }): Painter;
}

interface TablePage {
  /** The running header's two ends, as the first page shows them. */
  running: [string, string];
  title: string;
  rows: string[][];
  footer?: string[];
}

/** The part title above each page's table: 11 pt bold, 10 pt above, 4 pt below. */
const TITLE = { size: 11, above: 10, below: 4 };
const RUNNING_SIZE = 7;

/**
 * Draws one page of a table straight onto the page (react-pdf's <Canvas> hands us its pdfkit
 * document), with the running header and the part title: react-pdf lays out one node per page
 * instead of one per cell, which made it cost 3–10 ms per row. Cells are written row by row, so
 * copied or extracted text keeps the row order. The canvas starts at the page's top padding, so
 * the running header is drawn above it, where the first page's fixed header sits.
 */
function paintPage(geometry: TableGeometry, fonts: PdfFonts, page: TablePage) {
  return (painter: Painter) => {
    const { width, headerHeight, rowHeight } = geometry;
    const running = new TextMeasure(fonts.regular, RUNNING_SIZE);
    const [left, right] = page.running;
    const leftText = running.fit(left, width / 2);
    const rightText = running.fit(right, width - leftText.width - 10);
    painter
      .fillColor(PDF_MUTED_COLOR)
      .font(fonts.regular, RUNNING_SIZE)
      .text(leftText.text, 0, PDF_RUNNING_TOP - PAGE.padding, { lineBreak: false })
      .text(rightText.text, width - rightText.width, PDF_RUNNING_TOP - PAGE.padding, {
        lineBreak: false,
      });
    const title = new TextMeasure(fonts.bold, TITLE.size);
    painter
      .fillColor(PDF_TEXT_COLOR)
      .font(fonts.bold, TITLE.size)
      .text(title.fit(page.title, width).text, 0, TITLE.above, { lineBreak: false });
    const top = TITLE.above + title.lineHeight + TITLE.below;

    painter.rect(0, top, width, headerHeight).fill(PDF_RULE_COLOR);
    const lines = page.rows.length + (page.footer ? 1 : 0);
    for (let r = 1; r <= lines; r++) {
      const y = top + headerHeight + r * rowHeight - RULE / 2;
      painter.moveTo(0, y).lineTo(width, y);
    }
    if (lines) painter.lineWidth(RULE).stroke(PDF_RULE_COLOR);
    const write = (placed: PlacedText[]) => {
      for (const t of placed) painter.text(t.text, t.x, top + t.y, { lineBreak: false });
    };
    painter.fillColor(PDF_TEXT_COLOR).font(fonts.bold, TABLE_FONT_SIZE);
    write(geometry.header);
    painter.font(fonts.regular, TABLE_FONT_SIZE);
    page.rows.forEach((row, r) => write(geometry.placeRow(row, headerHeight + r * rowHeight)));
    if (page.footer) {
      const bold = new TextMeasure(fonts.bold, TABLE_FONT_SIZE);
      painter.font(fonts.bold, TABLE_FONT_SIZE);
      write(geometry.placeRow(page.footer, headerHeight + page.rows.length * rowHeight, bold));
    }
    return null;
  };
}

/**
 * Rows per page: what fits under the part title and header, keeping room on every page for the
 * totals row and a two-line note, so all pages of a table hold the same number of rows.
 */
function titleHeight(fonts: PdfFonts): number {
  return TITLE.above + new TextMeasure(fonts.bold, TITLE.size).lineHeight + TITLE.below;
}

function rowsPerPage(geometry: TableGeometry, fonts: PdfFonts): number {
  const title = titleHeight(fonts);
  const note = 4 + 2 * new TextMeasure(fonts.regular, TABLE_FONT_SIZE).lineHeight;
  const room = PAGE.height - PAGE.padding - PAGE.paddingBottom - title - geometry.headerHeight;
  return Math.max(1, Math.floor((room - note) / geometry.rowHeight) - 1);
}

/** A table cut into pages by us (react-pdf's own page breaking is quadratic): header on each. */
export function TablePages({
  section,
  running,
  pageNumber,
  fonts,
}: {
  section: PdfTable;
  running: [string, string];
  /** The fixed page-number footer: react-pdf fills it in once every page is known. */
  pageNumber: ReactNode;
  fonts: PdfFonts;
}) {
  const regular = new TextMeasure(fonts.regular, TABLE_FONT_SIZE);
  const bold = new TextMeasure(fonts.bold, TABLE_FONT_SIZE);
  const width = PAGE.width - 2 * PAGE.padding;
  const geometry = tableGeometry(
    section.header,
    section.numeric,
    width,
    regular,
    bold,
    section.weights,
  );
  const perPage = rowsPerPage(geometry, fonts);
  const count = Math.max(1, Math.ceil(section.rows.length / perPage));
  return Array.from({ length: count }, (_, p) => {
    const last = p === count - 1;
    const page: TablePage = {
      running,
      title: `${section.title}${count > 1 ? ` (part ${p + 1} of ${count})` : ""}`,
      rows: section.rows.slice(p * perPage, (p + 1) * perPage),
      footer: last ? section.footer : undefined,
    };
    const height =
      titleHeight(fonts) +
      geometry.headerHeight +
      (page.rows.length + (page.footer ? 1 : 0)) * geometry.rowHeight;
    return (
      <Page key={p} size="A4" orientation="landscape" style={s.page} wrap={false}>
        {pageNumber}
        <Canvas style={{ width, height }} paint={paintPage(geometry, fonts, page)} />
        {last && section.omitted > 0 && <Text style={s.note}>{omittedNote(section)}</Text>}
      </Page>
    );
  });
}
