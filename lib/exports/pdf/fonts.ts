import path from "node:path";
import { Font } from "@react-pdf/renderer";

let registered = false;

/** DejaVu Sans from the repository (lib/exports/fonts): covers accents and symbols, no downloads. */
export function registerPdfFonts(): string {
  if (!registered) {
    const dir = path.join(process.cwd(), "lib", "exports", "fonts");
    Font.register({
      family: "DejaVu Sans",
      fonts: [
        { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: "normal" },
        { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
      ],
    });
    // Never hyphenate: cells are one line, cut with an ellipsis when too long.
    Font.registerHyphenationCallback((word) => [word]);
    registered = true;
  }
  return "DejaVu Sans";
}
