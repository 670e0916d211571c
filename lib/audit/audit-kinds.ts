/**
 * What the audit log records, by kind. The prefix before the dot is the family the page filters by
 * ("members", "invitations", …); the label is what the filter shows.
 */
export const AUDIT_FAMILIES = {
  members: "Members and roles",
  invitations: "Invitations",
  api_keys: "API keys",
  reward_rules: "Reward rules",
  program: "Program settings",
  groups: "Groups and tags",
  partnerstack: "PartnerStack connection",
  deliveries: "Deliveries",
  saved_views: "Saved views",
  annotations: "Chart notes",
  share_links: "Share links",
  alerts: "Alerts",
} as const;

export type AuditFamily = keyof typeof AUDIT_FAMILIES;

export const AUDIT_KINDS = [
  "members.added",
  "members.role_changed",
  "members.removed",
  "invitations.sent",
  "invitations.resent",
  "invitations.revoked",
  "invitations.accepted",
  "api_keys.created",
  "api_keys.revoked",
  "reward_rules.created",
  "reward_rules.updated",
  "reward_rules.deleted",
  "program.created",
  "program.updated",
  "program.slug_changed",
  "groups.created",
  "groups.updated",
  "groups.archived",
  "tags.created",
  "tags.updated",
  "tags.archived",
  "partnerstack.connected",
  "partnerstack.disconnected",
  "partnerstack.import_started",
  "deliveries.schedule_created",
  "deliveries.schedule_deleted",
  "deliveries.sent_now",
  "deliveries.domains_changed",
  "saved_views.created",
  "saved_views.updated",
  "saved_views.renamed",
  "saved_views.deleted",
  "annotations.created",
  "annotations.deleted",
  "share_links.created",
  "share_links.revoked",
  "share_links.embed_secret_rotated",
  "alerts.created",
  "alerts.snoozed",
  "alerts.deleted",
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

/** The family of a kind ("tags.created" belongs to groups: one filter for groups and tags). */
export function auditFamily(kind: AuditKind): AuditFamily {
  const prefix = kind.slice(0, kind.indexOf("."));
  return (prefix === "tags" ? "groups" : prefix) as AuditFamily;
}
