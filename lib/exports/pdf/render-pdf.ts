import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement, type ComponentProps } from "react";
import { loadPdfFonts } from "./fonts";
import { TabDocument } from "./tab-document";

let queue: Promise<unknown> = Promise.resolve();

type RenderPdfProps = Omit<ComponentProps<typeof TabDocument>, "fonts">;

/** The document as react-pdf renders it, once the fonts its tables are measured with are loaded. */
export async function pdfElement(props: RenderPdfProps) {
  const fonts = await loadPdfFonts();
  return createElement(TabDocument, { ...props, fonts }) as Parameters<typeof renderToBuffer>[0];
}

/**
 * Renders PDFs one at a time per process, so the per-PDF ceiling (`pdfRowLimit`) is the
 * process's ceiling too; the finished file is small and is sent from a buffer.
 */
export function renderPdf(props: RenderPdfProps): Promise<Buffer> {
  const run = queue.then(async () => renderToBuffer(await pdfElement(props)));
  queue = run.catch(() => undefined);
  return run;
}
