// An action's properties as the drill-down and its CSV show them: `key=value` pairs in byte
// order of the pair (PostgreSQL `COLLATE "C"`, ClickHouse `arraySort`: names are ASCII and
// unique, so the names alone decide), joined by "; " in the CSV.

/** The pairs in the files' order, e.g. ["plan=pro", "seats=5"]. */
export function propertyPairs(properties: Record<string, string>): string[] {
  return Object.entries(properties)
    .map(([key, value]) => `${key}=${value}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export const PROPERTY_SEPARATOR = "; ";

/** The CSV cell: "plan=pro; seats=5", or "" without properties. */
export const propertiesCell = (properties: Record<string, string>) =>
  propertyPairs(properties).join(PROPERTY_SEPARATOR);
