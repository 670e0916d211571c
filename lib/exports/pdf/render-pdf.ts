import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement, type ComponentProps } from "react";
import { TabDocument } from "./tab-document";

let queue: Promise<unknown> = Promise.resolve();

/**
 * Renders PDFs one at a time per process: react-pdf holds each whole document in memory while
 * it lays it out, so the per-PDF ceiling (`pdfRowLimit`) is the process's ceiling too; the
 * finished file is small (≈0.2 KB per row) and is sent from a buffer.
 */
export function renderPdf(props: ComponentProps<typeof TabDocument>): Promise<Buffer> {
  const element = createElement(TabDocument, props) as Parameters<typeof renderToBuffer>[0];
  const run = queue.then(() => renderToBuffer(element));
  queue = run.catch(() => undefined);
  return run;
}
