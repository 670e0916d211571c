// Module resolve hooks for `npm run bench:pdf`'s children, which run the export route's code in
// plain Node (react-pdf needs React's client build, so no react-server condition):
// `server-only` resolves to an empty module (as under react-server), and lib/exports/pdf/render-pdf.ts
// to a stand-in from scripts/bench for the baselines: the per-cell layout, or no layout at all.
let layout = "new";
const standIns = {
  "per-cell": new URL("./pdf-per-cell-render.ts", import.meta.url).href,
  "data-only": new URL("./pdf-data-only-render.ts", import.meta.url).href,
};

export function initialize(data) {
  layout = data.layout;
}

export async function resolve(specifier, context, next) {
  if (specifier === "server-only")
    return { url: "data:text/javascript,export {};", shortCircuit: true };
  const resolved = await next(specifier, context);
  if (standIns[layout] && resolved.url.endsWith("/lib/exports/pdf/render-pdf.ts"))
    return { ...resolved, url: standIns[layout] };
  return resolved;
}
