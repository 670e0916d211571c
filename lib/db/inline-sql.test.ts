import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { inlineSql } from "./inline-sql";

describe("inlineSql", () => {
  it("writes each value as a literal in its place, $10 after $1", () => {
    const values = Array.from({ length: 11 }, (_, i) => i + 1);
    const sql = Prisma.sql`SELECT ${Prisma.join(values)}`;
    expect(inlineSql(sql)).toBe("SELECT 1,2,3,4,5,6,7,8,9,10,11");
  });

  it("escapes text so it cannot end its literal", () => {
    const sql = Prisma.sql`SELECT * FROM t WHERE name ILIKE ${"O'Brien\\'; DROP TABLE t; --"}`;
    expect(inlineSql(sql)).toBe(
      "SELECT * FROM t WHERE name ILIKE  E'O''Brien\\\\''; DROP TABLE t; --'",
    );
  });

  it("writes dates, booleans, null and bigints, and refuses what it cannot write", () => {
    const at = new Date("2026-03-08T06:30:00.000Z");
    expect(inlineSql(Prisma.sql`${at} ${true} ${null} ${12n}`)).toBe(
      "'2026-03-08T06:30:00.000Z'::timestamptz TRUE NULL 12",
    );
    expect(() => inlineSql(Prisma.sql`${"a\0b"}`)).toThrow(/NUL/);
    expect(() => inlineSql(Prisma.sql`${Number.NaN}`)).toThrow(/NaN/);
    expect(() => inlineSql(Prisma.sql`${{ a: 1 }}`)).toThrow(/object/);
  });
});
