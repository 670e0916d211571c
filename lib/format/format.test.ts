import { describe, expect, it } from "vitest";
import { moneyFormatter } from "./format";

describe("money", () => {
  it("leaves cents off when every amount shown together is whole", () => {
    const money = moneyFormatter([3500, 120000, 0, -500], "USD");
    expect([3500, 120000, 0, -500].map(money)).toEqual(["$35", "$1,200", "$0", "-$5"]);
  });

  it("shows cents on every amount when one of them has cents", () => {
    const money = moneyFormatter([3500, 750], "EUR");
    expect([3500, 750].map(money)).toEqual(["€35.00", "€7.50"]);
    expect(moneyFormatter([1], "USD")(1)).toBe("$0.01");
  });

  it("trims the currency code and shows no cents when there is nothing to show", () => {
    expect(moneyFormatter([3500], " USD ")(3500)).toBe("$35");
    expect(moneyFormatter([], "USD")(0)).toBe("$0");
  });
});
