/** The occurrence table's columns in downloads (the bench's synthetic PDFs reuse them). */
export function occurrenceTableHeader(currency: string): string[] {
  return [
    "Partner name",
    "Partner email",
    "Partner key",
    "Action type",
    "Action value",
    "Occurrences",
    `Sum of rewards (${currency})`,
  ];
}
