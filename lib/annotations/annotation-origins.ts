import type { AuditKind } from "../audit/audit-kinds";

/** Where a note on the chart comes from: a manager's hand, or a change the audit log records. */
export const ANNOTATION_ORIGINS = {
  manual: "Note",
  reward_rule: "Reward rule",
  group: "Group",
  program_settings: "Program settings",
} as const;

export type AnnotationOrigin = keyof typeof ANNOTATION_ORIGINS;

/**
 * The changes that move numbers, noted on the chart by themselves: read from audit_events (the
 * changes write them in their own transaction), so a note exists exactly when its change does.
 */
export const NOTED_CHANGES: Partial<Record<AuditKind, AnnotationOrigin>> = {
  "reward_rules.created": "reward_rule",
  "reward_rules.updated": "reward_rule",
  "reward_rules.deleted": "reward_rule",
  "groups.created": "group",
  "groups.updated": "group",
  "groups.archived": "group",
  "program.updated": "program_settings",
};
