import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, newPassword, passwordProblem } from "./password-policy";

describe("new passwords", () => {
  it("are at least 12 characters", () => {
    expect(passwordProblem("Xq7#vL2!pZ")).toBe(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  });

  it("are refused when a strength estimator finds them guessable, with its feedback", () => {
    for (const weak of ["qwertyuiopas", "iloveyou1234", "letmein12345", "aaaaaaaaaaaaaaaa"]) {
      const problem = passwordProblem(weak);
      expect(problem, weak).toMatch(/^This password is easy to guess\./);
    }
    // Built from the person's own email: weak, long as it is.
    expect(passwordProblem("ann.partner2026", ["ann.partner@acme.test"])).toMatch(/easy to guess/);
  });

  it("take long unrelated phrases", () => {
    for (const strong of [
      "correct horse battery staple",
      "t7#Qm!x9Lp2@vR4z",
      "violet-lantern-orbit-47",
    ]) {
      expect(passwordProblem(strong), strong).toBeNull();
    }
    expect(newPassword.safeParse("violet-lantern-orbit-47").success).toBe(true);
    expect(newPassword.safeParse("short").error?.issues[0].message).toMatch(/12 characters/);
  });
});
