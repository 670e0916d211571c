// Stands in for lib/exports/pdf/render-pdf.ts in `npm run bench:pdf`'s data-only runs: the
// sections are read as for the real PDF, nothing is laid out, so those runs time the data alone.
export async function renderPdf(): Promise<Buffer> {
  return Buffer.from("%PDF-1.3\n%%EOF\n");
}
