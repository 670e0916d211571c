import "server-only";
import type { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import {
  sourceAction,
  sourceCustomer,
  sourceGroup,
  sourcePartnership,
  sourceReward,
} from "./source-records";
import { storeActions } from "./store-actions";
import { storeCustomers } from "./store-customers";
import { storeGroups } from "./store-groups";
import { storePartnerships } from "./store-partnerships";
import { storeRewards } from "./store-rewards";

type Tx = Prisma.TransactionClient;
export interface StoredPage {
  stored: number;
  skipped: number;
}
type Program = { id: number; currency: string };

/** A page's outcomes as counts: stored = created or changed. */
function counted(outcomes: string[]): StoredPage {
  let stored = 0;
  let skipped = 0;
  for (const outcome of outcomes) {
    if (outcome === "skipped") skipped++;
    else if (outcome === "created" || outcome === "updated") stored++;
  }
  return { stored, skipped };
}

export interface Resource<T extends z.ZodType<{ key: string }> = z.ZodType<{ key: string }>> {
  name: string;
  path: string;
  /**
   * The table later resources look their keys up in: analyzed once this one is stored, so those
   * lookups use its indexes (statistics taken before a large import would say it is empty).
   */
  lookedUp?: "partnerships" | "customers" | "actions";
  query?: Record<string, string>;
  item: T;
  // A method, so a resource of any item type is a Resource.
  store(tx: Tx, program: Program, items: z.output<T>[]): Promise<StoredPage>;
}
/**
 * A page of an import or a pull is stored in one transaction: Prisma's default 5 s limit is
 * reached on a busy server, failing a page that would have been stored.
 */
export const PAGE_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

const resource = <T extends z.ZodType<{ key: string }>>(r: Resource<T>) => r;

/**
 * What an import reads, in order: each resource only names those before it (a customer its
 * partnership, an action its customer, a reward its action).
 */
export const IMPORT_RESOURCES: readonly Resource[] = [
  resource({
    name: "groups",
    path: "groups",
    item: sourceGroup,
    store: (tx, program, items) => storeGroups(tx, program.id, items),
  }),
  resource({
    name: "partnerships",
    path: "partnerships",
    lookedUp: "partnerships",
    query: { include_archived: "true" },
    item: sourcePartnership,
    store: async (tx, program, items) => counted(await storePartnerships(tx, program.id, items)),
  }),
  resource({
    name: "customers",
    path: "customers",
    lookedUp: "customers",
    query: { include_archived: "true" },
    item: sourceCustomer,
    store: async (tx, program, items) => counted(await storeCustomers(tx, program.id, items)),
  }),
  resource({
    name: "actions",
    path: "actions",
    lookedUp: "actions",
    item: sourceAction,
    store: (tx, program, items) => storeActions(tx, program.id, items),
  }),
  resource({
    name: "rewards",
    path: "rewards",
    item: sourceReward,
    store: (tx, program, items) => storeRewards(tx, program, items),
  }),
];

export const RESOURCE_NAMES = IMPORT_RESOURCES.map((r) => r.name);
/** The step that runs the reward rules over imported history, when the owner asked. */
export const RULES_STEP = "reward rules";
