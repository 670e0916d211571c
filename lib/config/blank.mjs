/**
 * Unset and blank are the same: nothing. Otherwise the trimmed text, or with `trim` false the
 * text as given (a key is what it is, spaces included; only the empty text is nothing).
 * @param {unknown} value
 * @param {boolean} [trim]
 * @returns {string | undefined}
 */
export function given(value, trim = true) {
  if (typeof value !== "string") return undefined;
  if (!trim) return value === "" ? undefined : value;
  return value.trim() === "" ? undefined : value.trim();
}
