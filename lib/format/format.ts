const formats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, cents: boolean): Intl.NumberFormat {
  const key = `${currency}|${cents}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      ...(cents ? {} : { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * A formatter for the amounts shown together in one tile or table: without cents when every one
 * of them is whole ("$35", "$1,200"), with cents on all of them otherwise ("$35.00", "$7.50"), so a
 * column never mixes the two.
 */
export function moneyFormatter(
  amounts: Iterable<number>,
  currency: string,
): (cents: number) => string {
  let whole = true;
  for (const cents of amounts) if (cents % 100 !== 0) whole = false;
  const format = moneyFormat(currency.trim(), !whole);
  return (cents) => format.format(cents / 100);
}
