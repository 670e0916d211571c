import { describe, expect, it } from "vitest";
import { newActionsMessage } from "./new-actions-message";

describe("newActionsMessage", () => {
  it("makes the verb agree with one action", () => {
    expect(newActionsMessage(1)).toBe(
      "1 new action matches these filters since this view was loaded.",
    );
  });

  it("makes the verb agree with several actions, grouping thousands", () => {
    expect(newActionsMessage(2)).toBe(
      "2 new actions match these filters since this view was loaded.",
    );
    expect(newActionsMessage(1200)).toBe(
      "1,200 new actions match these filters since this view was loaded.",
    );
  });
});
