interface ActionTypeSpec {
  name: string;
  target: "customer" | "partnership";
  weight: number;
}

export interface RuleSpec {
  name: string;
  actionType: string;
  amountCents: number;
  minValue?: number;
  groupKey?: string;
  multiplyByValue?: boolean;
  active?: boolean;
}

export interface UserSpec {
  email: string;
  name: string;
  password: string;
  role: "owner" | "manager" | "viewer";
}

interface ApiKeySpec {
  label: string;
  mode: "live" | "test";
  publicKey: string;
  /** Fixed so the README's curl example works against the demo; never do this for real keys. */
  secret: string;
}

/** Everything needed to generate one program's demo data deterministically. */
export interface ProgramSpec {
  slug: string;
  name: string;
  timezone: string;
  currency: string;
  seed: number;
  members: UserSpec[];
  groups: { key: string; name: string }[];
  tags: string[];
  actionTypes: ActionTypeSpec[];
  rules: RuleSpec[];
  partnerships: number;
  customers: number;
  actions: number;
  /** How far back actions go, in days before the anchor time. */
  historyDays: number;
  marketplaceShare: number;
  archivedShare: number;
  apiKeys: ApiKeySpec[];
  /** Saved views of the Actions tab (by the first owner), optionally delivered weekly. */
  savedViews?: { name: string; query: string; weeklyPdfTo?: string }[];
}
