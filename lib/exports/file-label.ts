// What a download's name says about its contents: the saved view it is, or else its timeframe.
import { slugFromName } from "../programs/slug-from-name";
import { rangeLastDay } from "../stats/timeframe/inclusive-range";
import { serializeTimeframe, type Timeframe } from "../stats/timeframe/timeframe";

/** The longest part a name takes from a person's text (a saved view's name). */
const MAX_PART = 60;

/**
 * Text as a file-name part that every system and mail client keeps as it is: lower-case ASCII
 * letters, digits and single dashes ("Q3 EMEA / Affiliates" → "q3-emea-affiliates",
 * "Übersicht" → "ubersicht"); "" when nothing is left.
 */
export function safeFilePart(text: string): string {
  return slugFromName(text, MAX_PART);
}

/**
 * The saved view's name when the download is one (and its name leaves something), else the
 * timeframe: "past-30-days", "this-month", ranges by their days included "2026-09-01-to-2026-11-30".
 */
export function fileLabel(timeframe: Timeframe, viewName?: string | null): string {
  const view = viewName ? safeFilePart(viewName) : "";
  if (view) return view;
  if (timeframe.kind === "range") return `${timeframe.from}-to-${rangeLastDay(timeframe)}`;
  return safeFilePart(serializeTimeframe(timeframe));
}
