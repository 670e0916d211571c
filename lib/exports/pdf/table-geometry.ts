import type { PdfFont } from "./fonts";

/** A4 landscape in points, and the page padding of the document's style. */
export const PAGE = { width: 841.89, height: 595.28, padding: 28, paddingBottom: 40 };
export const TABLE_FONT_SIZE = 8;
const CELL_PADDING = 2;
const RULE = 0.5;
const ELLIPSIS = "…";

/** Text columns take 1.4 shares of the width, numeric ones 0.8 (as the flex rows did). */
function columnWidths(
  numeric: boolean[],
  total: number,
  weights: number[] = numeric.map((n) => (n ? 0.8 : 1.4)),
): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => (total * w) / sum);
}

/**
 * Measures strings with the font's advance widths, one cached lookup per character. Kerning is
 * left out; the few hundredths of a point it moves are covered by `SAFETY` when cutting cells.
 */
export class TextMeasure {
  private readonly advances = new Map<number, number>();
  private readonly scale: number;
  readonly lineHeight: number;
  readonly ascent: number;

  constructor(
    private readonly font: PdfFont,
    readonly size: number,
  ) {
    this.scale = size / font.unitsPerEm;
    this.lineHeight = (font.ascent - font.descent + font.lineGap) * this.scale;
    this.ascent = font.ascent * this.scale;
  }

  private advance(codePoint: number): number {
    let width = this.advances.get(codePoint);
    if (width === undefined) {
      width = this.font.glyphForCodePoint(codePoint).advanceWidth * this.scale;
      this.advances.set(codePoint, width);
    }
    return width;
  }

  width(text: string): number {
    let total = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      total += this.advance(code);
    }
    return total;
  }

  /** The text, or its longest prefix that fits with an ellipsis: a cell never wraps. */
  fit(text: string, maxWidth: number): { text: string; width: number } {
    const oneLine = text.replace(/[\r\n\t]+/g, " ");
    const full = this.width(oneLine);
    if (full <= maxWidth) return { text: oneLine, width: full };
    const room = maxWidth - this.advance(ELLIPSIS.codePointAt(0)!);
    let used = 0;
    let end = 0;
    const chars = Array.from(oneLine);
    for (; end < chars.length; end++) {
      const next = this.advance(chars[end].codePointAt(0)!);
      if (used + next > room) break;
      used += next;
    }
    const cut = chars.slice(0, end).join("").trimEnd();
    return { text: cut + ELLIPSIS, width: this.width(cut + ELLIPSIS) };
  }

  /** Greedy word wrap for header cells; a word wider than the column breaks (after / _ - if any). */
  wrap(text: string, maxWidth: number): string[] {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.width(candidate) <= maxWidth) line = candidate;
      else {
        if (line) lines.push(line);
        const pieces = this.breakWord(word, maxWidth);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1];
      }
    }
    if (line) lines.push(line);
    return lines.length ? lines : [""];
  }

  private breakWord(word: string, maxWidth: number): string[] {
    const pieces: string[] = [];
    let rest = Array.from(word);
    while (this.width(rest.join("")) > maxWidth && rest.length > 1) {
      let fits = 1;
      let used = this.advance(rest[0].codePointAt(0)!);
      while (fits < rest.length) {
        const next = this.advance(rest[fits].codePointAt(0)!);
        if (used + next > maxWidth) break;
        used += next;
        fits++;
      }
      const head = rest.slice(0, fits);
      const soft = Math.max(...["/", "_", "-"].map((c) => head.lastIndexOf(c)));
      const cut = soft > 0 ? soft + 1 : fits;
      pieces.push(rest.slice(0, cut).join(""));
      rest = rest.slice(cut);
    }
    pieces.push(rest.join(""));
    return pieces;
  }
}

// Kerning and rounding can make drawn text a hair wider than the sum of advances.
const SAFETY = 0.5;

export interface PlacedText {
  text: string;
  x: number;
  y: number;
}

export interface TableGeometry {
  width: number;
  columns: { x: number; width: number }[];
  rowHeight: number;
  headerHeight: number;
  header: PlacedText[];
  /** Places one row's cells with their top at `top`: cut to the column, numbers right-aligned. */
  placeRow(cells: string[], top: number, measure?: TextMeasure): PlacedText[];
}

/** Column positions, row heights and the wrapped header for one table at the given width. */
export function tableGeometry(
  header: string[],
  numeric: boolean[],
  width: number,
  regular: TextMeasure,
  bold: TextMeasure,
  weights?: number[],
): TableGeometry {
  let x = 0;
  const columns = columnWidths(numeric, width, weights).map((w) => {
    const column = { x, width: w };
    x += w;
    return column;
  });
  const inner = (i: number) => columns[i].width - 2 * CELL_PADDING - SAFETY;
  const headerLines = header.map((title, i) => bold.wrap(title, inner(i)));
  const headerHeight =
    Math.max(1, ...headerLines.map((l) => l.length)) * bold.lineHeight + 2 * CELL_PADDING;
  const place = (text: string, i: number, top: number, textWidth: number): PlacedText => ({
    text,
    x: numeric[i]
      ? columns[i].x + columns[i].width - CELL_PADDING - textWidth
      : columns[i].x + CELL_PADDING,
    y: top + CELL_PADDING,
  });
  return {
    width,
    columns,
    rowHeight: regular.lineHeight + 2 * CELL_PADDING + RULE,
    headerHeight,
    header: headerLines.flatMap((lines, i) =>
      lines.map((line, l) => place(line, i, l * bold.lineHeight, bold.width(line))),
    ),
    placeRow(cells, top, measure = regular) {
      const placed: PlacedText[] = [];
      cells.forEach((cell, i) => {
        if (!cell || i >= columns.length) return;
        const fitted = measure.fit(cell, inner(i));
        placed.push(place(fitted.text, i, top, fitted.width));
      });
      return placed;
    },
  };
}

export { CELL_PADDING, RULE };
