import { describe, expect, it } from "vitest";
import { draftInput, ruleDraftSchema } from "./rule-draft-schema";

const fieldsOf = (input: Record<string, string>) =>
  ruleDraftSchema.safeParse(input).error?.issues.map((i) => String(i.path[0])) ?? [];

describe("a draft tried on history, from the URL", () => {
  it("reads the rule form's fields into stored values", () => {
    expect(
      ruleDraftSchema.parse({
        change: "add",
        actionType: "signup",
        amount: "12.50",
        minValue: "",
        groupKey: "",
        multiplyByValue: "on",
      }),
    ).toEqual({
      change: "add",
      actionType: "signup",
      amount: 1250,
      minValue: null,
      groupKey: null,
      multiplyByValue: true,
    });
    // A link may leave the optional fields out.
    expect(
      ruleDraftSchema.parse({ change: "edit", rule: "3", actionType: "a", amount: "1" }),
    ).toMatchObject({ rule: 3, minValue: null, groupKey: null, multiplyByValue: false });
    expect(ruleDraftSchema.parse({ change: "off", rule: "7" })).toEqual({ change: "off", rule: 7 });
  });

  it("names every field it refuses", () => {
    expect(fieldsOf({ change: "nothing" })).toEqual(["change"]);
    expect(fieldsOf({ change: "off" })).toEqual(["rule"]);
    expect(fieldsOf({ change: "off", rule: "1.5" })).toEqual(["rule"]);
    expect(
      fieldsOf({ change: "add", actionType: "has space", amount: "1.234", minValue: "0" }).sort(),
    ).toEqual(["actionType", "amount", "minValue"]);
    expect(fieldsOf({ change: "add", actionType: "a", amount: "1", groupKey: "x\u0000" })).toEqual([
      "groupKey",
    ]);
  });

  it("takes the first value of a repeated key and ignores the tab's own keys", () => {
    expect(draftInput({ change: ["off", "add"], rule: "2", timeframe: "any_time" })).toEqual({
      change: "off",
      rule: "2",
    });
  });
});
