/**
 * The occurrence table's columns in downloads (the bench's synthetic PDFs reuse them); with the
 * compared period's title ("Previous period", "Same period last year"), its four columns after.
 */
export function occurrenceTableHeader(currency: string, compared: string | null = null): string[] {
  return [
    "Partner name",
    "Partner email",
    "Partner key",
    "Action type",
    "Action value",
    ...countedColumns(currency, compared),
  ];
}

/**
 * The counted columns of a table's download: occurrences and rewards, then with a compared
 * period its four columns. A table grouped by a breakdown has its label before them.
 */
export function countedColumns(currency: string, compared: string | null = null): string[] {
  const money = `Sum of rewards (${currency})`;
  return [
    "Occurrences",
    money,
    ...(compared
      ? [
          `Occurrences, ${compared.toLowerCase()}`,
          "Change in occurrences",
          `${money}, ${compared.toLowerCase()}`,
          `Change in rewards (${currency})`,
        ]
      : []),
  ];
}
