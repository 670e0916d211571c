/** Whole cents (exact, any size) as a decimal of units: 1250n → "12.50", -5n → "-0.05". */
export function decimalCents(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/**
 * A money formatter for amounts shown together, as `moneyFormatter` but exact past 2^53 cents:
 * the decimal goes to Intl as text. Without cents when every amount is whole.
 */
export function bigMoneyFormatter(
  amounts: Iterable<bigint>,
  currency: string,
): (cents: bigint) => string {
  let whole = true;
  for (const cents of amounts) if (cents % 100n !== 0n) whole = false;
  const format = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency.trim(),
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  });
  // Intl reads a decimal string exactly (no rounding through a double).
  return (cents) => format.format(decimalCents(cents) as unknown as number);
}

/** A difference with its sign always shown: "+$12", "−$3.50", "$0". */
export function signed(format: (cents: bigint) => string) {
  return (cents: bigint) =>
    cents > 0n ? `+${format(cents)}` : cents < 0n ? `−${format(-cents)}` : format(0n);
}
