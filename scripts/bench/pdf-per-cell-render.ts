// Stands in for lib/exports/pdf/render-pdf.ts in `npm run bench:pdf`'s baseline runs (the
// children's resolve hook swaps it in): the same sections, rendered with the per-cell layout.
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement, type ComponentProps } from "react";
import { PerCellTabDocument } from "./pdf-per-cell-document";

export function renderPdf(props: ComponentProps<typeof PerCellTabDocument>): Promise<Buffer> {
  return renderToBuffer(
    createElement(PerCellTabDocument, props) as Parameters<typeof renderToBuffer>[0],
  );
}
