import { describe, expect, it } from "vitest";
import { withDownloadCookie } from "./download-cookie";

const answer = (query: string) =>
  withDownloadCookie(
    new Response("file"),
    new URL(`http://localhost/p/acme/actions/export/tab.pdf${query}`),
  ).headers.get("set-cookie");

describe("the download cookie", () => {
  it("answers a token with its own cookie the page can read", () => {
    expect(answer("?timeframe=any_time&dl=Ab3dEf9hIj")).toBe(
      "ab_dl_Ab3dEf9hIj=1; Path=/; Max-Age=120; SameSite=Lax",
    );
  });

  it("ignores a missing token and one that is not ours", () => {
    expect(answer("")).toBeNull();
    for (const bad of ["short", "x".repeat(33), "abc%3Bdef12", "abcdefgh%20ij"]) {
      expect(answer(`?dl=${bad}`), bad).toBeNull();
    }
  });
});
