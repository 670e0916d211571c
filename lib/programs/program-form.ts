/** The fields of a program's form (setup, new program, settings). */
export const PROGRAM_FIELDS = ["name", "slug", "timezone", "currency"] as const;
export type ProgramField = (typeof PROGRAM_FIELDS)[number];
export type ProgramFieldErrors = Partial<Record<ProgramField, string>>;

/** What the form sent, as text (a field it lacks is left out, so zod names it). */
export function programFormValues(form: unknown): Partial<Record<ProgramField, string>> {
  if (!(form instanceof FormData)) return {};
  const values: Partial<Record<ProgramField, string>> = {};
  for (const field of PROGRAM_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

/** A field's label and zod's message as one sentence: "Time zone is not a time zone this…". */
export function fieldSentence(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}
