import { describe, expect, it } from "vitest";
import type { ActionRow } from "../actions/action-record";
import { apiErrorOf } from "../api/api-error";
import type { CreateActionInput } from "../schemas/actions";
import type { IngestDecision, IngestLookups, PreparedAction, ResolvedTarget } from "./ingest-types";
import { planIngest } from "./plan-ingest";

const partnership = (id: number, key: string, archived = false) => ({
  id,
  key,
  groupId: 1,
  archived,
});
const target = (p: ResolvedTarget["partnership"]): ResolvedTarget => ({
  customer: null,
  partnership: p,
});

function lookups(overrides: Partial<IngestLookups> = {}): IngestLookups {
  return {
    existing: new Map(),
    customers: new Map([
      [
        "cus_1",
        {
          customer: { id: 1, key: "cus_1", email: null, name: null, archived: false },
          partnership: partnership(1, "ptn_a"),
        },
      ],
      [
        "cus_gone",
        {
          customer: { id: 2, key: "cus_gone", email: null, name: null, archived: true },
          partnership: partnership(1, "ptn_a"),
        },
      ],
    ]),
    partnerships: new Map([
      ["ptn_a", target(partnership(1, "ptn_a"))],
      ["ptn_old", target(partnership(2, "ptn_old", true))],
    ]),
    types: new Map([
      [
        "sale",
        {
          id: 10,
          rules: [
            {
              id: 5,
              name: "Per unit",
              actionTypeId: 10,
              minValue: null,
              groupId: null,
              amountCents: 1_000_000,
              multiplyByValue: true,
              active: true,
            },
          ],
        },
      ],
    ]),
    typeRoom: 100,
    typeLimit: 200,
    ...overrides,
  };
}

// The hash stands for the body: equal hashes are equal bodies.
function action(key: string, hash: string, input: Partial<CreateActionInput> = {}): PreparedAction {
  return {
    key,
    hash,
    input: { target_key: "ptn_a", target_type: "partnership", type: "sale", value: 1, ...input },
  };
}

const summary = (decisions: IngestDecision[]) =>
  decisions.map((d) => {
    if (d.kind === "rejected") return apiErrorOf(d.error).status;
    if (d.kind === "same-as") return `same-as ${d.index}`;
    return d.kind;
  });

describe("planIngest", () => {
  it("stores the first accepted record of a key; later ones replay it or conflict with it", () => {
    const plan = planIngest(
      [
        action("k", "h1", { target_key: "ptn_missing" }),
        action("k", "h2"),
        action("k", "h2"),
        action("k", "h3"),
        action("other", "h9"),
      ],
      lookups(),
    );
    expect(summary(plan.decisions)).toEqual([404, "insert", "same-as 1", 409, "insert"]);
  });

  it("judges a stored key before the target, so a retry replays even if the target is gone", () => {
    const stored = { key: "k", request_hash: "h1" } as ActionRow;
    const plan = planIngest(
      [action("k", "h1", { target_key: "ptn_old" }), action("k", "h2")],
      lookups({ existing: new Map([["k", stored]]) }),
    );
    expect(summary(plan.decisions)).toEqual(["stored", 409]);
  });

  it("refuses unknown, archived and archived-partnership targets as the single POST does", () => {
    const plan = planIngest(
      [
        action("a", "h", { target_type: "customer", target_key: "cus_gone" }),
        action("b", "h", { target_key: "ptn_old" }),
        action("c", "h", { target_type: "customer", target_key: "cus_nobody" }),
      ],
      lookups({
        customers: new Map([
          ...lookups().customers,
          [
            "cus_of_old",
            {
              customer: { id: 3, key: "cus_of_old", email: null, name: null, archived: false },
              partnership: partnership(2, "ptn_old", true),
            },
          ],
        ]),
      }),
    );
    expect(summary(plan.decisions)).toEqual([404, 422, 404]);
    const archived = plan.decisions[1];
    expect(archived.kind === "rejected" && archived.error.fields).toEqual([
      { field: "target_key", message: expect.stringContaining('"ptn_old" is archived') },
    ]);
  });

  it("refuses a record whose rewards overflow alone, which frees its key for a later record", () => {
    const plan = planIngest(
      [action("k", "h1", { value: 5_000 }), action("k", "h2", { value: 2 })],
      lookups(),
    );
    expect(summary(plan.decisions)).toEqual([422, "insert"]);
    const overflow = plan.decisions[0];
    expect(overflow.kind === "rejected" && overflow.error.fields?.[0].field).toBe("value");
    const accepted = plan.decisions[1];
    expect(accepted.kind === "insert" && accepted.action.rewardCents).toBe(2_000_000);
  });

  it("asks for missing types only for records it accepts", () => {
    const plan = planIngest(
      [
        action("a", "h", { type: "new_type" }),
        action("b", "h", { type: "ghost_type", target_key: "ptn_missing" }),
        action("a", "h2", { type: "conflicting_type" }),
      ],
      lookups(),
    );
    expect(plan.missingTypes).toEqual(["new_type"]);
    const accepted = plan.decisions[0];
    expect(accepted.kind === "insert" && accepted.action.outcome).toEqual({
      kind: "no_reward",
      reason: "no_rule_for_type",
      rules: [],
    });
  });

  it("refuses new types past the program's room, naming the field; known types still go in", () => {
    const plan = planIngest(
      [
        action("a", "h", { type: "new_1" }),
        action("b", "h", { type: "new_2" }),
        action("c", "h", { type: "new_1" }),
        action("d", "h", { type: "sale" }),
        action("e", "h", { type: "new_3" }),
      ],
      lookups({ typeRoom: 1, typeLimit: 7 }),
    );
    expect(summary(plan.decisions)).toEqual(["insert", 422, "insert", "insert", 422]);
    expect(plan.missingTypes).toEqual(["new_1"]);
    const refused = plan.decisions[1];
    expect(refused.kind === "rejected" && refused.error.fields).toEqual([
      { field: "type", message: expect.stringMatching(/already has 7 action types/) },
    ]);
  });
});
