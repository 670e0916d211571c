import { EXAMPLE_API_KEY } from "../openapi/examples";
import type { ProgramSpec, UserSpec } from "./program-spec";

export const DEMO_LOGIN = { email: "demo@actionboard.test", password: "actionboard-demo" };

const managers: UserSpec[] = [
  ["Maya Chen", "maya"],
  ["Leo Alvarez", "leo"],
  ["Priya Natarajan", "priya"],
  ["Tom Becker", "tom"],
  ["Sofia Rossi", "sofia"],
].map(([name, handle]) => ({
  name,
  email: `${handle}@acme.test`,
  password: "manager-demo",
  role: "manager",
}));

const demoUser: UserSpec = {
  name: "Demo Owner",
  email: DEMO_LOGIN.email,
  password: DEMO_LOGIN.password,
  role: "owner",
};

export const ACME: ProgramSpec = {
  slug: "acme",
  name: "Acme Partners",
  timezone: "America/New_York",
  currency: "USD",
  seed: 20261123,
  members: [demoUser, ...managers],
  savedViews: [
    {
      name: "Last week by partner",
      query: "timeframe=last_week&sort=occurrences&dir=desc",
      weeklyPdfTo: DEMO_LOGIN.email,
    },
    { name: "Past 3 complete months", query: "timeframe=past_3_complete_months" },
  ],
  groups: [
    { key: "affiliates", name: "Affiliates" },
    { key: "resellers", name: "Resellers" },
    { key: "influencers", name: "Influencers" },
    { key: "agencies", name: "Agencies" },
  ],
  tags: ["vip", "newsletter", "saas", "ecommerce", "emea", "apac", "q4-push", "beta-tester"],
  actionTypes: [
    { name: "signup_completed", target: "customer", weight: 40 },
    { name: "trial_started", target: "customer", weight: 22 },
    { name: "demo_booked", target: "customer", weight: 12 },
    { name: "subscription_upgraded", target: "customer", weight: 10 },
    { name: "webinar_hosted", target: "partnership", weight: 4 },
    { name: "content_published", target: "partnership", weight: 8 },
    { name: "review_posted", target: "customer", weight: 4 },
  ],
  rules: [
    { name: "Signup bounty", actionType: "signup_completed", amountCents: 500 },
    { name: "Reseller demo", actionType: "demo_booked", amountCents: 2500, groupKey: "resellers" },
    {
      name: "Upgrade per seat block",
      actionType: "subscription_upgraded",
      amountCents: 1000,
      multiplyByValue: true,
    },
    { name: "Webinar host", actionType: "webinar_hosted", amountCents: 5000, minValue: 1 },
    { name: "Bulk content", actionType: "content_published", amountCents: 1500, minValue: 3 },
    { name: "Trial (paused)", actionType: "trial_started", amountCents: 200, active: false },
  ],
  partnerships: 320,
  customers: 3200,
  actions: 55000,
  historyDays: 548,
  marketplaceShare: 0.15,
  archivedShare: 0.08,
  // The API reference's example request (lib/openapi/examples.ts) uses this key and one of the
  // customers generated here.
  apiKeys: [{ label: "Demo backend", mode: "test", ...EXAMPLE_API_KEY }],
};

export const GLOBEX: ProgramSpec = {
  slug: "globex",
  name: "Globex Referrals",
  timezone: "Europe/Berlin",
  currency: "EUR",
  seed: 7,
  members: [
    { ...demoUser, role: "viewer" },
    { name: "Hank Scorpio", email: "hank@globex.test", password: "globex-demo", role: "owner" },
  ],
  groups: [{ key: "referrers", name: "Referrers" }],
  tags: ["founding"],
  actionTypes: [{ name: "account_opened", target: "customer", weight: 1 }],
  rules: [{ name: "Account bounty", actionType: "account_opened", amountCents: 1000 }],
  partnerships: 12,
  customers: 80,
  actions: 400,
  historyDays: 120,
  marketplaceShare: 0,
  archivedShare: 0,
  apiKeys: [
    {
      label: "Globex demo",
      mode: "test",
      publicKey: "pk_test_globexdemo0000000001",
      secret: "sk_test_globexdemo0000000001_globex-demo-secret-not-for-production",
    },
  ],
};

export const DEMO_PROGRAMS = [ACME, GLOBEX];
