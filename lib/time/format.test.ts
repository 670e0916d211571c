import { describe, expect, it } from "vitest";
import { isoInZone } from "./format";

describe("formatting times in a zone", () => {
  it("writes times as ISO 8601 in the program's zone with the offset of that moment", () => {
    expect(isoInZone(Date.parse("2026-03-08T06:30:00Z"), "America/New_York")).toBe(
      "2026-03-08T01:30:00-05:00",
    );
    expect(isoInZone(Date.parse("2026-03-08T07:30:00Z"), "America/New_York")).toBe(
      "2026-03-08T03:30:00-04:00",
    );
    expect(isoInZone(Date.parse("2026-11-23T23:30:00Z"), "Asia/Kolkata")).toBe(
      "2026-11-24T05:00:00+05:30",
    );
  });
});
