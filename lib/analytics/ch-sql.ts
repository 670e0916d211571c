/**
 * Tagged SQL for ClickHouse, the counterpart of `Prisma.sql`: values never enter the text; each
 * becomes a server-side `{pN:Type}` parameter (the same binding on chdb and a server). Tables are
 * written `${chTable("actions")}` and resolve to the configured database, bound as an Identifier.
 */
type ChValue = number | bigint | string | boolean | number[] | string[];

const TABLE = Symbol("table");
interface TableRef {
  [TABLE]: string;
}
type Segment = string | { value: ChValue } | TableRef;

export class ChSql {
  constructor(readonly segments: readonly Segment[]) {}

  /** The text with `{pN:Type}` placeholders and the parameters to bind (`db` = the database). */
  render(database: string): { query: string; params: Record<string, unknown> } {
    const params: Record<string, unknown> = { db: database };
    let query = "";
    let n = 0;
    for (const segment of this.segments) {
      if (typeof segment === "string") query += segment;
      else if (TABLE in segment) query += `{db:Identifier}.${segment[TABLE]}`;
      else {
        const name = `p${n++}`;
        params[name] = segment.value;
        query += `{${name}:${chType(segment.value)}}`;
      }
    }
    return { query, params };
  }
}

function chType(value: ChValue): string {
  if (Array.isArray(value)) {
    return value.length > 0 && typeof value[0] === "string" ? "Array(String)" : "Array(Int64)";
  }
  switch (typeof value) {
    case "string":
      return "String";
    case "boolean":
      return "Bool";
    default:
      return "Int64";
  }
}

export function chsql(strings: TemplateStringsArray, ...values: (ChValue | ChSql)[]): ChSql {
  const segments: Segment[] = [];
  strings.forEach((text, i) => {
    segments.push(text);
    if (i >= values.length) return;
    const value = values[i];
    if (value instanceof ChSql) segments.push(...value.segments);
    else {
      if (typeof value === "number" && !Number.isSafeInteger(value)) {
        throw new Error(`ClickHouse parameters are integers; got ${value}`);
      }
      segments.push({ value });
    }
  });
  return new ChSql(segments);
}

/** A table of the analytics database (the name is ours, never user input). */
export function chTable(name: string): ChSql {
  return new ChSql([{ [TABLE]: name }]);
}

export function chjoin(parts: ChSql[], separator: string): ChSql {
  const segments: Segment[] = [];
  parts.forEach((part, i) => {
    if (i > 0) segments.push(separator);
    segments.push(...part.segments);
  });
  return new ChSql(segments);
}

/** SQL text that is a constant of our code (a column list, a function name), never input. */
export function chConst(text: string): ChSql {
  return new ChSql([text]);
}

export const chEmpty = new ChSql([]);
