// The audit log's URL: who (`person`), which kind family (`kind`), and the page position
// (`after` = older than this entry, `before` = newer than it). Read leniently: a value that does
// not parse is ignored with a message, never an error page.
import { z } from "zod";
import type { RawSearchParams } from "../stats/url/load-tab-state";
import { storableTextProblem } from "../validation/storable-text";
import { AUDIT_FAMILIES, type AuditFamily } from "./audit-kinds";

/** The entries shown per page. */
export const AUDIT_PAGE_SIZE = 50;

/** Who made an entry: an account (by id, as kept after they leave) or a named non-person. */
export type AuditPerson = { userId: number } | { system: string };

export interface AuditFilters {
  person: AuditPerson | null;
  family: AuditFamily | null;
}

/** Older than this entry (`after`), or newer than it (`before`); null for the newest page. */
export type AuditCursor = { direction: "after" | "before"; id: bigint } | null;

export const NO_AUDIT_FILTERS: AuditFilters = { person: null, family: null };

const SYSTEM_PREFIX = "system:";

/** A person in the URL: the account's id, or `system:<label>` ("system:npm run admin"). */
export function personParam(person: AuditPerson): string {
  return "userId" in person ? String(person.userId) : `${SYSTEM_PREFIX}${person.system}`;
}

export function samePerson(a: AuditPerson, b: AuditPerson): boolean {
  return personParam(a) === personParam(b);
}

const personSchema = z
  .string()
  .max(300)
  .refine((text) => storableTextProblem(text) === null)
  .transform((text, ctx): AuditPerson => {
    if (/^\d{1,9}$/.test(text) && Number(text) >= 1) return { userId: Number(text) };
    const label = text.startsWith(SYSTEM_PREFIX) ? text.slice(SYSTEM_PREFIX.length) : "";
    if (label.trim() === "") {
      ctx.addIssue({ code: "custom", message: "not a person" });
      return z.NEVER;
    }
    return { system: label };
  });

const FAMILIES = Object.keys(AUDIT_FAMILIES) as [AuditFamily, ...AuditFamily[]];
const entryId = z
  .string()
  .regex(/^\d{1,18}$/)
  .transform((text) => BigInt(text));

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Reads an audit log URL: filters and page position, each invalid value dropped with a message
 * naming it. Both `after` and `before` given is ambiguous: the newest page is shown.
 */
export function loadAuditParams(raw: RawSearchParams) {
  const warnings: string[] = [];
  const read = <T>(key: string, label: string, schema: z.ZodType<T, string>): T | null => {
    const text = first(raw[key]);
    if (text === undefined || text === "") return null;
    const parsed = schema.safeParse(text);
    if (parsed.success) return parsed.data;
    warnings.push(`${label}: “${text.slice(0, 60)}” is not a valid value. It was ignored.`);
    return null;
  };
  const filters: AuditFilters = {
    person: read("person", "Person", personSchema),
    family: read("kind", "Kind", z.enum(FAMILIES)),
  };
  const after = read("after", "Page position (after)", entryId);
  const before = read("before", "Page position (before)", entryId);
  let cursor: AuditCursor = null;
  if (after !== null && before !== null) {
    warnings.push("Page position: both “after” and “before” were given. Showing the newest page.");
  } else if (after !== null) cursor = { direction: "after", id: after };
  else if (before !== null) cursor = { direction: "before", id: before };
  return { filters, cursor, warnings };
}

/** The query string of a filter set and page position ("" for none), as the page reads it. */
export function auditQuery(filters: AuditFilters, cursor: AuditCursor = null): string {
  const query = new URLSearchParams();
  if (filters.person) query.set("person", personParam(filters.person));
  if (filters.family) query.set("kind", filters.family);
  if (cursor) query.set(cursor.direction, String(cursor.id));
  const text = query.toString();
  return text ? `?${text}` : "";
}
