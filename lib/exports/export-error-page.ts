/** A readable HTML page for a download that failed before it started, instead of a broken file. */
export function exportErrorPage(
  status: number,
  message: string,
  backHref: string,
  backLabel = "Back to the Actions tab",
): Response {
  const escape = (t: string) =>
    t.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Download failed · Actionboard</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#111827}a{color:#2563eb}</style></head>
<body><p style="color:#b91c1c;font-weight:600">Download failed (${status})</p><h1>The file could not be made</h1>
<p>${escape(message)}</p><p><a href="${escape(backHref)}">${escape(backLabel)}</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
