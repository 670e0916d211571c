import { describe, expect, it } from "vitest";
import { isForeignServerAction } from "./foreign-action-origin";

const action = (headers: Record<string, string>, method = "POST") =>
  isForeignServerAction(method, new Headers({ "next-action": "abc", ...headers }));

describe("a server action from another site", () => {
  it("is one whose Origin's host is not this site's", () => {
    expect(action({ origin: "https://evil.example", host: "app.test" })).toBe(true);
    expect(action({ origin: "null", host: "app.test" })).toBe(true);
    expect(action({ origin: "http://app.test:3000", host: "app.test" })).toBe(true);
    expect(action({ origin: "http://app.test:3000", host: "app.test:3000" })).toBe(false);
    expect(
      action({
        origin: "https://app.example",
        host: "10.0.0.5",
        "x-forwarded-host": "app.example",
      }),
    ).toBe(false);
  });

  it("leaves other requests alone", () => {
    expect(action({ host: "app.test" })).toBe(false); // no Origin: Next decides
    expect(action({ origin: "https://evil.example", host: "app.test" }, "GET")).toBe(false);
    expect(
      isForeignServerAction("POST", new Headers({ origin: "https://evil.example", host: "a" })),
    ).toBe(false);
  });
});
