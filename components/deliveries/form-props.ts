import type { Role } from "@/lib/programs/roles";
import { canDeliverOutside } from "@/lib/programs/roles";

/** Who a schedule's or an alert's form may send to, for the member filling it in. */
export interface Audience {
  /** Owners and managers: outside addresses on allowed domains, and webhooks. */
  outside: boolean;
  members: string[];
  domains: string[];
  me: string;
}

/** The saved views a schedule or an alert may use, and the one chosen first. */
export interface ViewChoice {
  views: { id: number; name: string }[];
  selectedView: number;
}

export function audienceOf(
  rules: { memberEmails: Set<string>; domains: string[] },
  user: { email: string },
  role: Role,
): Audience {
  return {
    outside: canDeliverOutside(role),
    members: [...rules.memberEmails].sort(),
    domains: rules.domains,
    me: user.email.toLowerCase(),
  };
}

/** The views to choose from; the one the URL asked for (`?view=`) first if it is one of them. */
export function viewChoiceOf(views: { id: number; name: string }[], asked: number): ViewChoice {
  return {
    views: views.map((v) => ({ id: v.id, name: v.name })),
    selectedView: views.some((v) => v.id === asked) ? asked : (views[0]?.id ?? 0),
  };
}
