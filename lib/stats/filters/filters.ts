// Every filter of the Actions tab, declared once, in the bar's order. The URL parsers, the bar,
// the options lists, the words of the files' headers and both engines' WHERE clauses are read
// from here. A new filter is one entry here (and, for a multi-select, its options loader).
import { flagFilter, idsFilter, propertyFilter, textFilter } from "./kinds";

const ONE_OF = ["is any", "is one of", "is not one of"] as const;

export const FILTERS = [
  idsFilter({
    key: "group",
    label: "Group name",
    target: "partner",
    ops: "include_exclude",
    words: ONE_OF,
    options: "groups",
    column: { column: "group_id" },
  }),
  idsFilter({
    key: "manager",
    label: "Partner manager name",
    target: "partner",
    ops: "include_exclude",
    words: ONE_OF,
    options: "managers",
    column: { column: "manager_user_id", nullable: true },
  }),
  textFilter({
    key: "name",
    label: "Partner name",
    control: "Partner name contains",
    target: "partner",
    columns: ["first_name", "last_name"],
  }),
  textFilter({
    key: "email",
    label: "Partner email",
    control: "Partner email contains",
    target: "partner",
    columns: ["email"],
  }),
  idsFilter({
    key: "tag",
    label: "Partner tag",
    target: "partner",
    ops: "any_of_none_of",
    words: ["is any", "has one of", "has none of"],
    options: "tags",
    column: {
      set: {
        postgres: { table: "partnership_tags", column: "tag_id" },
        clickhouse: "tag_ids",
      },
    },
  }),
  flagFilter({
    key: "marketplace",
    label: "Is marketplace",
    target: "partner",
    column: { postgres: { column: "is_marketplace" }, clickhouse: "is_marketplace" },
  }),
  flagFilter({
    key: "archived",
    label: "Is partnership archived",
    target: "partner",
    column: { postgres: { setAt: "archived_at" }, clickhouse: "archived" },
  }),
  idsFilter({
    key: "action_type",
    label: "Action type",
    target: "action",
    ops: "include_exclude",
    words: ONE_OF,
    options: "actionTypes",
    column: { column: "action_type_id" },
  }),
  propertyFilter({
    key: "property",
    label: "Action property",
    target: "action",
    words: ONE_OF,
    options: "properties",
  }),
] as const;

export type Filter = (typeof FILTERS)[number];
