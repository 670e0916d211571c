import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { z } from "zod";

/** A new password: at least this long, and not one a guesser finds early (zxcvbn score ≥ 3). */
export const MIN_PASSWORD_LENGTH = 12;
const MIN_SCORE = 3;

// One estimator per process: building its ranked dictionaries takes a moment.
let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  }));

/**
 * Why a new password is refused, or null. `related` are the person's own words (email, name, the
 * product's name): a password built from them is weak whatever its length. The feedback is
 * zxcvbn-ts's own (a maintained estimator, not our list of rules).
 */
export function passwordProblem(password: string, related: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password.length > 1024) return "Use at most 1024 characters.";
  const words = [
    ...related.flatMap((r) => {
      const text = r.toLowerCase();
      return [text, text.split("@")[0], ...text.split(/[^a-z0-9]+/)];
    }),
    "actionboard",
  ];
  const result = zxcvbn().check(
    password,
    words.filter((w) => w.length >= 3),
  );
  if (result.score >= MIN_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  return ["This password is easy to guess.", warning, ...suggestions].filter(Boolean).join(" ");
}

/** The zod rule for a new password field (the person's own words checked by the caller's refine). */
export const newPassword = z.string("Choose a password").superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
