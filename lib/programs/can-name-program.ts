import { storableTextProblem } from "../validation/storable-text";

/**
 * Whether a URL's slug could name a program at all. A slug PostgreSQL cannot hold as text (NUL, a
 * lone surrogate) would fail the lookup itself with a 500, so it names no program: a 404 (401 for
 * webhooks) like any unknown slug.
 */
export function canNameProgram(slug: string): boolean {
  return slug.length > 0 && slug.length <= 255 && storableTextProblem(slug) === null;
}
