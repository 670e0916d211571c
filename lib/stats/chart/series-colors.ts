// The one source of the chart's colours: the tab, partner pages, PDFs and deliveries all draw a
// series in the colour this module gives it.

/**
 * Paul Tol's "muted" scheme (SRON, https://personal.sron.nl/~pault/): nine hues that stay
 * distinct under the common colour-vision deficiencies and in greyscale print, one per named
 * series of a chart (MAX_SERIES − 1), so the types of a program with up to nine types never share
 * a colour. Ordered so that the first types, which most programs have, differ most.
 */
export const SERIES_PALETTE = [
  "#332288", // indigo
  "#DDCC77", // sand
  "#44AA99", // teal
  "#CC6677", // rose
  "#117733", // green
  "#88CCEE", // cyan
  "#882255", // wine
  "#999933", // olive
  "#AA4499", // purple
] as const;

/** "Other types" sums many types: a neutral grey, not a hue a type could own. */
export const OTHER_TYPES_COLOR = "#A5A5A5";

/** The series summing the types beyond the chart's nine (not a possible type name: no spaces). */
export const OTHER_TYPES = "Other types";

/**
 * Each action type's colour in a program: its place in the program's creation order (by id), so
 * it never changes with filters, timeframes or which types a view shows. A program with more
 * types than the palette reuses hues from the tenth type on.
 */
export function typeColors(types: readonly { id: number; label: string }[]): Map<string, string> {
  const byCreation = [...types].sort((a, b) => a.id - b.id);
  return new Map(byCreation.map((t, i) => [t.label, SERIES_PALETTE[i % SERIES_PALETTE.length]]));
}

/**
 * The colours of a chart's series. A series the program's list does not know (a scope built
 * without it, a type added since) takes the palette in series order.
 */
export function seriesColors(
  series: readonly string[],
  program: ReadonlyMap<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    series.map((name, i) => [
      name,
      name === OTHER_TYPES
        ? OTHER_TYPES_COLOR
        : (program.get(name) ?? SERIES_PALETTE[i % SERIES_PALETTE.length]),
    ]),
  );
}

/** "Other types" in the URL's `hidden` list: `~` is not allowed in a type's name. */
export const OTHER_TYPES_TOKEN = "~other";
export const hiddenToken = (series: string) =>
  series === OTHER_TYPES ? OTHER_TYPES_TOKEN : series;
export const seriesOfToken = (token: string) => (token === OTHER_TYPES_TOKEN ? OTHER_TYPES : token);
