import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-error-message";

describe("what the sign-in page says when sent back with an error", () => {
  it("says why single sign-on refused someone", () => {
    expect(signInErrorMessage("EmailNotVerified")).toMatch(/has not verified your email address/);
    expect(signInErrorMessage("DomainNotAllowed")).toMatch(/its domain is not one that may join/);
    expect(signInErrorMessage("NoAccount")).toMatch(/no Actionboard account or pending invitation/);
    expect(signInErrorMessage("NoEmail")).toMatch(/did not share your email address/);
  });

  it("explains next-auth's own codes, and anything else plainly (nothing when there is none)", () => {
    expect(signInErrorMessage("OAuthCallback")).toMatch(/did not check out/);
    expect(signInErrorMessage("TooManyAttempts")).toMatch(/Too many failed sign-ins/);
    for (const odd of ["Whatever", "toString", "__proto__", "constructor"]) {
      expect(signInErrorMessage(odd), odd).toBe("Sign-in did not work. Try again.");
    }
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage("")).toBeNull();
  });
});
