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
  "#EE7733", // orange (Tol's vibrant scheme): a tenth hue for a chart's ten named series
] as const;

/** "Other types" sums many types: a neutral grey, not a hue a type could own. */
export const OTHER_TYPES_COLOR = "#A5A5A5";

/** The series summing the types beyond the chart's ten (not a possible type name: no spaces). */
export const OTHER_TYPES = "Other types";

/** The series summing what a chart does not draw on its own, under another breakdown. */
export const OTHER_SERIES = "Others";

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
  other: string = OTHER_TYPES,
): Record<string, string> {
  return Object.fromEntries(
    series.map((name, i) => [
      name,
      name === other
        ? OTHER_TYPES_COLOR
        : (program.get(name) ?? SERIES_PALETTE[i % SERIES_PALETTE.length]),
    ]),
  );
}

/**
 * "Other types" (or "Others") in the URL's `hidden` list: `~` is not allowed in a type's name. A
 * series named by a breakdown's label may hold anything: "~" is written "~0" and "," "~1" (the
 * property filter's escapes), so a list splits at commas; a type's name has neither.
 */
export const OTHER_TYPES_TOKEN = "~other";
export const hiddenToken = (series: string, other: string = OTHER_TYPES) =>
  series === other ? OTHER_TYPES_TOKEN : series.replaceAll("~", "~0").replaceAll(",", "~1");
export const seriesOfToken = (token: string, other: string = OTHER_TYPES) =>
  token === OTHER_TYPES_TOKEN ? other : token.replaceAll("~1", ",").replaceAll("~0", "~");
