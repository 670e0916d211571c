export type Role = "owner" | "manager" | "viewer";

/** Owners manage API keys; owners and managers edit reward rules; viewers only read. */
export const canManageApiKeys = (role: Role) => role === "owner";
export const canEditRewardRules = (role: Role) => role === "owner" || role === "manager";
