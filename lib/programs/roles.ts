export type Role = "owner" | "manager" | "viewer";

/**
 * Owners manage API keys; owners and managers edit reward rules and the program's saved views
 * (shared by every member); viewers only read and apply them.
 */
export const canManageApiKeys = (role: Role) => role === "owner";
export const canEditRewardRules = (role: Role) => role === "owner" || role === "manager";
export const canManageSavedViews = (role: Role) => role === "owner" || role === "manager";
/** Owners choose the outside domains that may receive the program's data. */
export const canAllowDeliveryDomains = (role: Role) => role === "owner";
/** Every member schedules deliveries to members; owners and managers also outside and to webhooks. */
export const canDeliverOutside = (role: Role) => role === "owner" || role === "manager";
/** Owners connect the program to PartnerStack, import from it and disconnect it. */
export const canManagePartnerStack = (role: Role) => role === "owner";
/** Owners invite people, change roles and remove members; everyone sees who is in the program. */
export const canManageMembers = (role: Role) => role === "owner";
/** Owners read the program's audit log (who changed members, keys, rules, settings, deliveries). */
export const canViewAuditLog = (role: Role) => role === "owner";
/** Owners and managers add and delete notes on the chart's time axis; viewers read them. */
export const canAnnotate = (role: Role) => role === "owner" || role === "manager";
/** Owners and managers create, rename and archive groups and tags; viewers see them. */
export const canManageGroups = (role: Role) => role === "owner" || role === "manager";
/** Owners change a program's name, slug, zone and currency, and delete it. */
export const canEditProgramSettings = (role: Role) => role === "owner";
