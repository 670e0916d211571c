// Apart from program-input.ts so that the browser's form can use it without zod, whose schemas
// probe for `eval` (refused by the pages' Content-Security-Policy).

/**
 * A URL name from a program's name: "Acme Partners (EU)" → "acme-partners-eu" (lower-case ASCII
 * letters, digits and single dashes; "" when nothing is left). Download names use it too.
 */
export function slugFromName(name: string, maxLength = 48): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}
