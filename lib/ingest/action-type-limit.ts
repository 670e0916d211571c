import { config } from "../config/config.mjs";

/**
 * How many action types a program may have (ACTION_TYPES_PER_PROGRAM, 200 by default): every type
 * is a series, a filter option and a row group, and one batch of 1,000 new types once made the
 * any-time tab 267 MB of HTML.
 */
export const actionTypesPerProgram = () => config().ACTION_TYPES_PER_PROGRAM;

/** The refusal for a type past the limit (the API's 422 message, the rule form's field error). */
export const typeLimitMessage = (limit: number) =>
  `this program already has ${limit} action types, the most it may have (ACTION_TYPES_PER_PROGRAM): use one of its existing types`;
