import { z } from "zod";
import { booleanQuery, cursorQuery, epochMsQuery, exclusiveCursors, limitQuery } from "./common";
import { epochMs } from "../validation/times";

/**
 * The output of a keyed record (lib/api/keyed-record.ts): its key as `key` and by its own name,
 * then its `fields`, then its times.
 */
export function keyedOutput<K extends string, T extends z.ZodRawShape>(key: K, fields: T) {
  return z.object({
    key: z.string(),
    ...({ [key]: z.string() } as Record<K, z.ZodString>),
    ...fields,
    created_at: epochMs,
    updated_at: epochMs,
  });
}

/** A PATCH body of a keyed record: any of its fields, at least one (unknown ones do not count). */
export function updateBody<T extends z.ZodRawShape>(fields: T) {
  return z
    .object(fields)
    .partial()
    .refine((v) => Object.keys(v).length > 0, { message: "send at least one field to change" });
}

type CursorValues = { starting_after?: string; ending_before?: string };

/** The query of a keyed record's list: its filters, include_archived, min_updated, limit, cursors. */
export function archivableListQuery<T extends z.ZodRawShape>(filters: T) {
  return (
    z
      .strictObject({
        ...filters,
        include_archived: booleanQuery.default(false),
        min_updated: epochMsQuery
          .optional()
          .meta({ description: "Only records updated at or after this time (epoch ms)" }),
        limit: limitQuery,
        ...cursorQuery,
      })
      // Every such query has the cursors, which TypeScript cannot see through the generic filters.
      .superRefine((value, ctx) => exclusiveCursors(value as CursorValues, ctx))
  );
}
