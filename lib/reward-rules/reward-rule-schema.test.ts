import { describe, expect, it } from "vitest";
import { rewardRuleFormSchema } from "./reward-rule-schema";

const form = {
  name: "Bounty",
  actionType: "signup_completed",
  amount: "12.50",
  minValue: "",
  groupKey: "",
};

describe("reward rule form", () => {
  it("turns the submitted strings into stored values", () => {
    expect(rewardRuleFormSchema.parse({ ...form, active: "on" })).toEqual({
      id: null,
      name: "Bounty",
      actionType: "signup_completed",
      minValue: null,
      groupKey: null,
      amount: 1250,
      multiplyByValue: false,
      active: true,
    });
    expect(
      rewardRuleFormSchema.parse({
        ...form,
        id: "4",
        minValue: "3",
        amount: "7",
        multiplyByValue: "on",
      }),
    ).toMatchObject({ id: 4, minValue: 3, amount: 700, multiplyByValue: true, active: false });
  });

  it("names each bad field", () => {
    const result = rewardRuleFormSchema.safeParse({
      ...form,
      name: " ",
      actionType: "has space",
      amount: "1.234",
      minValue: "0",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual([
      "actionType",
      "amount",
      "minValue",
      "name",
    ]);
  });
});

describe("the rule a form edits", () => {
  it("is a row id or a refusal naming it, never a number the database rounds", () => {
    for (const id of ["abc", "99999999999", "1.5", "-1", "0", "1e3", " 1", "0x1", "2147483648"]) {
      const result = rewardRuleFormSchema.safeParse({ ...form, id });
      expect(result.success, id).toBe(false);
      expect(
        result.error?.issues.map((i) => i.path[0]),
        id,
      ).toEqual(["id"]);
    }
    expect(rewardRuleFormSchema.parse({ ...form, id: "2147483647" }).id).toBe(2147483647);
    expect(rewardRuleFormSchema.parse({ ...form, id: "" }).id).toBeNull();
  });
});

describe("text the database could not store", () => {
  it("is refused at the field, not by PostgreSQL later", () => {
    for (const field of ["name", "groupKey"]) {
      const result = rewardRuleFormSchema.safeParse({ ...form, [field]: "x\u0000y" });
      expect(
        result.error?.issues.map((i) => i.path[0]),
        field,
      ).toEqual([field]);
    }
  });
});
