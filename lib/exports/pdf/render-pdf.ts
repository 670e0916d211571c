import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement, type ComponentProps } from "react";
import { config } from "../../config/config.mjs";
import { loadPdfFonts } from "./fonts";
import { TabDocument } from "./tab-document";

type RenderPdfProps = Omit<ComponentProps<typeof TabDocument>, "fonts">;

/** The document as react-pdf renders it, once the fonts its tables are measured with are loaded. */
export async function pdfElement(props: RenderPdfProps) {
  const fonts = await loadPdfFonts();
  return createElement(TabDocument, { ...props, fonts }) as Parameters<typeof renderToBuffer>[0];
}

/** How many PDF downloads may wait for the one being made (PDF_QUEUE, default 2). */
export const pdfQueueLimit = (): number => config().PDF_QUEUE;

/** The process is making a PDF and as many wait as may: answer "busy, retry" instead of queueing. */
export class PdfBusyError extends Error {
  readonly retryAfterSeconds = 5;
  constructor() {
    super("Other PDFs are being made on this server right now; try again in a few seconds.");
  }
}

let running = false;
const waiting: (() => void)[] = [];

/**
 * Runs `make` (gathering a PDF's data and rendering it) when no other PDF is being made in this
 * process, so the per-PDF ceiling (`PDF_MAX_CELLS`) is the process's ceiling however many arrive
 * at once. At most `pdfQueueLimit()` wait; beyond that PdfBusyError, before any data is read.
 */
export async function withPdfSlot<T>(make: () => Promise<T>): Promise<T> {
  if (running) {
    if (waiting.length >= pdfQueueLimit()) throw new PdfBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running = true;
  try {
    return await make();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running = false;
  }
}

/** Renders one PDF (inside the caller's `withPdfSlot`); the finished file is sent from a buffer. */
export async function renderPdf(props: RenderPdfProps): Promise<Buffer> {
  return renderToBuffer(await pdfElement(props));
}
