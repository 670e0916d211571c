// Values a hostile or careless client sends, for the fuzz tests: text PostgreSQL cannot hold
// (NUL, unpaired surrogates), control and invisible characters, edge numbers, wrong types and
// JSON nested far deeper than any field allows. Bodies are built as JSON *text*, so they can
// also carry what JSON.stringify cannot write: numbers beyond a double (1e400), -0, and nesting
// 100,000 levels deep (which would overflow JSON.stringify itself).
import fc from "fast-check";

/** A piece of JSON text put into a body as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

const nested = (levels: number, open: string, close: string, inner: string) =>
  `${open.repeat(levels)}${inner}${close.repeat(levels)}`;

/** Nesting just around the limits (32 for stored JSON, 64 for a body) and far beyond. */
export const deepJson = fc
  .tuple(fc.constantFrom(31, 32, 33, 63, 64, 65, 5_000, 100_000), fc.boolean())
  .map(([levels, objects]) =>
    objects
      ? new RawJson(nested(levels, '{"a":', "}", '"x"'))
      : new RawJson(nested(levels, "[", "]", "1")),
  );

const SPECIAL_CHARACTERS = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\t",
  "\n",
  "\r",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u200b",
  "\u2028",
  "\u202e",
  "\ufeff",
  "\uffff",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "😀",
  "👩‍💻",
  "é",
  "e\u0301",
  "%",
  "%ff",
  "%00",
  "\\",
  '"',
  "'",
  "<",
  "/",
  ",",
  " ",
];

/** One character: often a special one, else any code point (lone surrogates included). */
const character = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARACTERS) },
  { weight: 3, arbitrary: fc.constantFrom(..."abcxyz_-.:019") },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  },
);

export const nastyString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: character, maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(100, 101, 255, 256, 321, 4_000, 300_000),
        fc.constantFrom("x", "é", "😀"),
      )
      .map(([n, c]) => c.repeat(n)),
  },
);

export const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    1,
    -1,
    0.5,
    1.5,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    1e21,
    1e308,
    -1e308,
    5e-324,
    253_402_300_799_999,
    253_402_300_800_000,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc
    .constantFrom("1e400", "-1e400", "-0", "1.0", "1E2", "123456789012345678901234567890")
    .map((text) => new RawJson(text)),
);

/** Times near the edges every part of the stack can hold (1970 to 9999), and impossible ones. */
const edgeTime = fc.constantFrom(
  "1970-01-01T00:00:00Z",
  "1969-12-31T23:59:59.999Z",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "9999-12-31T23:59:59.999-14:00",
  "+275760-09-13T00:00:00Z",
  "2026-02-30T00:00:00Z",
  "2026-01-01T24:00:00Z",
  "2026-01-01T00:00:00+99:00",
  "2026-01-01",
  "2026-01-01T00:00:00",
);

const leaf = fc.oneof(nastyString, edgeNumber, edgeTime, fc.boolean(), fc.constant(null));

/** Object keys: nasty text, and names JavaScript objects treat specially. */
export const objectKey = fc.oneof(
  { weight: 6, arbitrary: nastyString },
  {
    weight: 1,
    arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "toString", ""),
  },
);

/** Any JSON value, mostly shallow, sometimes nested far too deep. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  {
    weight: 3,
    arbitrary: fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      object: fc.dictionary(objectKey, tie("value"), { maxKeys: 4 }),
    })).value,
  },
  { weight: 1, arbitrary: deepJson },
);

/**
 * JSON text of a value that may hold RawJson pieces. Unpaired surrogates are written as `\udXXX`
 * escapes (as JSON.stringify does), so the text itself is valid UTF-16 and parses back to them.
 */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  if (text === undefined) return "null";
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]);
}
