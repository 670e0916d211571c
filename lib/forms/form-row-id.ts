import { z } from "zod";
import { MAX_INT } from "../validation/fields";

/**
 * The id of a row a form names (`<input type="hidden" name="id">`): a whole number the
 * database's integer column can hold. Anything else is a refusal, not a database error.
 */
export const formRowId = z.coerce.number().int().min(1).max(MAX_INT);
