import { z } from "zod";
import { parseDate } from "../time/calendar-date";
import { storable } from "../validation/fields";
import { MAX_NOTE_LENGTH } from "./note-length";

/** A note's day: a real calendar date (YYYY-MM-DD) in 1970–9999, local to the program. */
export const noteDay = z
  .string("Pick the day of the note")
  .trim()
  .refine((text) => {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDate(text) : null;
    return date !== null && date.year >= 1970 && date.year <= 9999;
  }, "Pick a day between 1970 and 9999 (YYYY-MM-DD)");

export const noteText = storable(
  z
    .string("Write the note")
    .trim()
    .min(1, "Write the note")
    .max(MAX_NOTE_LENGTH, `At most ${MAX_NOTE_LENGTH} characters`),
);

export const newAnnotation = z.object({ day: noteDay, text: noteText });
export type NewAnnotation = z.output<typeof newAnnotation>;

/** A note's day as the `date` column takes it (midnight UTC), and back (YYYY-MM-DD). */
export const dayColumn = (day: string) => new Date(`${day}T00:00:00Z`);
export const dayOfColumn = (date: Date) => date.toISOString().slice(0, 10);
