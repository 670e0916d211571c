import { CURRENCIES, TIME_ZONES } from "./program-input";

export interface ProgramChoices {
  timeZones: readonly string[];
  currencies: readonly { code: string; name: string }[];
}

/**
 * The zones and currencies a program's form offers: the server's own lists (what `programInput`
 * accepts), handed to the form from the server so the browser's lists, which differ between
 * browsers, neither decide nor disagree with the server's render.
 */
export function programChoices(): ProgramChoices {
  const names = new Intl.DisplayNames(["en"], { type: "currency" });
  return {
    timeZones: TIME_ZONES,
    currencies: CURRENCIES.map((code) => ({ code, name: names.of(code) ?? code })),
  };
}
