import path from "node:path";
import { Font } from "@react-pdf/renderer";

let registered = false;

const PDF_FONT_FAMILY = "DejaVu Sans";

/** DejaVu Sans from the repository (lib/exports/fonts): covers accents and symbols, no downloads. */
export function registerPdfFonts(): string {
  if (!registered) {
    const dir = path.join(process.cwd(), "lib", "exports", "fonts");
    Font.register({
      family: PDF_FONT_FAMILY,
      fonts: [
        { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: "normal" },
        { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
      ],
    });
    // Never hyphenate: cells are one line, cut with an ellipsis when too long.
    Font.registerHyphenationCallback((word) => [word]);
    registered = true;
  }
  return PDF_FONT_FAMILY;
}

/** The part of a fontkit font the table layout reads: vertical metrics and glyph advances. */
export interface PdfFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

export interface PdfFonts {
  regular: PdfFont;
  bold: PdfFont;
}

/**
 * The fontkit fonts react-pdf itself draws with (the same objects from its font store), loaded
 * before rendering so tables can be measured and drawn directly on the page.
 */
export async function loadPdfFonts(): Promise<PdfFonts> {
  const fontFamily = registerPdfFonts();
  const load = async (fontWeight: 400 | 700) => {
    const source = Font.getFont({ fontFamily, fontWeight });
    await source.load();
    return source.data as unknown as PdfFont;
  };
  return { regular: await load(400), bold: await load(700) };
}
