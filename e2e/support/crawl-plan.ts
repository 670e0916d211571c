// What the isolation crawler sends to each route of the tree: which values fill its dynamic
// segments, which query strings and bodies name another program's objects, and what must answer.
import { NUMBER_TILES } from "../../lib/stats/number-tiles";
import { E2E_METRICS_TOKEN, POSTGRES_PORT } from "./env";
import type { CrawlProgram, IsolationWorld } from "./isolation-seed";
import { below500, statusIn, type Probe } from "./probes";
import { fillPattern, type AppRoute } from "./route-tree";
import { FormFields } from "./server-actions";

/**
 * Routes outside any program: anyone (or any signed-in user) may read them, so they are crawled
 * for leaks only. A new route outside `/p/[slug]` and `/api/v2` fails the crawl until it is
 * listed here (after checking that it shows nothing of a program the user is not in).
 */
const GLOBAL_ROUTES = new Set([
  "/",
  "/signin",
  "/docs/api",
  "/api/auth/[...nextauth]",
  "/api/v2/openapi.json",
  "/api/v2/[...path]",
  // Signed links of deliveries: the signature is the permission (a forged one is a 404).
  "/deliveries/[token]",
  "/unsubscribe/[token]",
  "/unsubscribe/[token]/one-click",
  // Accounts: a reset link's or an invitation's one-time token is the permission (a forged or
  // spent one is a page saying so); setup is a 404 once any user exists.
  "/forgot-password",
  "/reset-password/[token]",
  "/invitations/[token]",
  "/setup",
  // A share link: its token is the permission (a forged one is a 404); it shows one saved view.
  "/share/[program]/[token]",
  // A signed embed URL: the program's embed secret signs it (a forged one is a 404).
  "/embed/[program]/[token]",
  // The signed-in person's own account (nothing of any program).
  "/account",
  // PartnerStack's webhooks: the program's secret is the permission (else 401, nothing stored).
  "/api/partnerstack/webhooks/[slug]",
  // A new program's form: owners of any program (it shows nothing of an existing one).
  "/programs/new",
  // Operations: the health check names checks, not data; metrics need METRICS_TOKEN and hold
  // counts by route pattern, nothing of any program.
  "/api/health",
  "/metrics",
]);

/**
 * Server actions that name no program (their pages are outside `/p/[slug]`): what they make is
 * the caller's own, so the crawler checks that they leak and change nothing of B, not that they
 * refuse.
 */
export const GLOBAL_ACTIONS = new Set(["createProgramAction"]);

/**
 * Actions the owner's own round must call last, in this order. Connecting PartnerStack (to A's own
 * API) and importing wake the server's import, which rewrites A's partnerships from the source in
 * the background (a waiting manager's email among them): the actions that need the seeded rows go
 * first. Deleting A ends every later call on A.
 */
export const LAST_ACTIONS = [
  "connectAction",
  "importAction",
  "removeConnectionAction",
  "deleteProgramAction",
];

export type RouteKind = "program" | "api" | "global";

export function kindOf(route: AppRoute): RouteKind {
  if (GLOBAL_ROUTES.has(route.pattern)) return "global";
  if (route.pattern === "/p/[slug]" || route.pattern.startsWith("/p/[slug]/")) return "program";
  if (route.pattern.startsWith("/api/v2/")) return "api";
  throw new Error(
    `${route.file}: the crawler does not know who may read ${route.pattern}. ` +
      "List it in GLOBAL_ROUTES (e2e/support/crawl-plan.ts) if it is public.",
  );
}

const EXPORT_TILES = [...NUMBER_TILES.map((t) => t.exportName), "chart", "table", "actions"];
/** Every download the export route offers, plus one it does not. */
const ALL_EXPORTS = [
  ...EXPORT_TILES.flatMap((t) => [`${t}.csv`, `${t}.pdf`]),
  "tab.pdf",
  "tab.zip",
  "conversion.csv",
  "conversion.pdf",
  "nothing.txt",
];
/**
 * Downloads read with the member's own slug and the other program's ids: the zip holds every
 * tile's CSV and `actions.csv` the drill-down rows. (PDF text is glyph-encoded, not searchable;
 * the PDFs are built from the same queries.)
 */
const READABLE_EXPORTS = ["tab.zip", "actions.csv", "table.csv", "conversion.csv"];

type Keys = Pick<
  CrawlProgram,
  "actionKeys" | "customerKeys" | "partnerKeys" | "groupKey" | "tagName"
> & {
  program: { slug: string; id?: number };
};

/** Values for every dynamic segment of the route tree, naming `target`'s objects. */
export function segmentValues(target: Keys, files = ALL_EXPORTS) {
  return {
    slug: [target.program.slug],
    program: [String(target.program.id ?? 1)],
    file: files,
    key: [target.actionKeys[0]],
    customer_key: [target.customerKeys[0]],
    partner_key: [target.partnerKeys[0]],
    partnerKey: [target.partnerKeys[0]],
    group_key: [target.groupKey],
    tag_name: [target.tagName],
    "...path": [`customers/${target.customerKeys[0]}`, `partnerships/${target.partnerKeys[0]}/x`],
    "...nextauth": ["session", "providers", "csrf"],
    token: ["eyJwIjoxfQ.forged"],
  };
}

/** Tab, drill-down, rule, log and audit log URLs that name `b`'s objects by id or key. */
export function foreignQueries(b: CrawlProgram): string[] {
  const since = String(Date.now() - 7 * 86_400_000);
  const query = (params: Record<string, string>) =>
    new URLSearchParams({ timeframe: "any_time", since, ...params }).toString();
  return [
    query({ partner: b.partnerKeys[0] }),
    query({ partner: b.partnerKeys[1], type: b.typeName, value: "1" }),
    query({ group: String(b.ids.group) }),
    // A conversion (and its drill-down) from and to B's type, of B's partner and group.
    query({ from: b.typeName, to: `${b.typeName}x`, converted: "no", partner: b.partnerKeys[0] }),
    query({ from: b.typeName, to: b.typeName, converted: "yes", in_group: String(b.ids.group) }),
    // The group filter, and a draft tried on history naming B's type and group.
    query({
      group: String(b.ids.group),
      change: "add",
      actionType: b.typeName,
      groupKey: b.groupKey,
      amount: "1",
    }),
    query({ manager: String(b.ids.manager) }),
    query({ tag: String(b.ids.tag) }),
    // Rule pages: B's rule to edit, and to switch off on history.
    query({
      edit: String(b.ids.rule),
      saved: String(b.ids.rule),
      change: "off",
      rule: String(b.ids.rule),
    }),
    query({ before: String(b.ids.log + 1n) }),
    // The audit log's filters and page position, naming B's manager and B's entries.
    query({ person: String(b.ids.manager), kind: "api_keys", after: String(b.ids.audit[1]) }),
    query({ person: `system:npm run admin ${b.marker}`, before: String(b.ids.audit[0]) }),
  ];
}

/** What nobody of A may see of B: its marker and every key it holds (unless the request sent it). */
export const secretsOf = (p: CrawlProgram) => [p.marker, ...p.identifiers];

/**
 * The operators' routes answered in full — readiness asked, metrics with METRICS_TOKEN: they
 * answer 200 and show nothing of any program (no slug, marker or key of A or B).
 */
function operatorProbes(route: AppRoute, needles: string[]): Probe[] {
  if (route.pattern === "/api/health") {
    return [
      {
        label: "readiness",
        method: "GET",
        url: "/api/health?ready",
        expect: statusIn(200),
        needles,
      },
    ];
  }
  if (route.pattern === "/metrics") {
    const headers = { authorization: `Bearer ${E2E_METRICS_TOKEN}` };
    return [
      {
        label: "METRICS_TOKEN",
        method: "GET",
        url: "/metrics",
        headers,
        expect: statusIn(200),
        needles,
      },
    ];
  }
  return [];
}

/** Pages, drill-downs, exports and other session routes, for the owner of A signed in. */
export function sessionProbes(routes: AppRoute[], { a, b }: IsolationWorld): Probe[] {
  const probes: Probe[] = [];
  const needles = secretsOf(b);
  const [drill, ...others] = foreignQueries(b);
  for (const route of routes) {
    const kind = kindOf(route);
    if (kind === "api") continue;
    for (const method of route.methods) {
      const data = method === "GET" || method === "HEAD" ? undefined : {};
      if (kind === "global") {
        for (const url of fillPattern(route, segmentValues(b))) {
          const query = `callbackUrl=${encodeURIComponent(`/p/${b.program.slug}/actions`)}&${drill}`;
          probes.push({
            label: "global",
            method,
            url: `${url}?${query}`,
            data,
            expect: below500,
            needles,
          });
        }
        probes.push(...operatorProbes(route, [...needles, ...secretsOf(a)]));
        continue;
      }
      for (const url of fillPattern(route, segmentValues(b))) {
        for (const query of [drill, ...others.slice(0, 1)]) {
          const label = "B's slug";
          probes.push({
            label,
            method,
            url: `${url}?${query}`,
            data,
            expect: statusIn(403, 404),
            needles,
          });
        }
      }
      const own = { ...segmentValues(b, READABLE_EXPORTS), slug: [a.program.slug] };
      for (const url of fillPattern(route, own)) {
        for (const query of foreignQueries(b)) {
          const label = "A's slug, B's ids";
          probes.push({ label, method, url: `${url}?${query}`, data, expect: below500, needles });
        }
      }
    }
  }
  return probes;
}

/**
 * The arguments each server action takes, aimed at `target`'s objects under `slug`: complete,
 * valid forms (the owner's own calls must succeed, so a refusal is never a validation error).
 */
export const ACTION_ARGS: Record<string, (slug: string, target: CrawlProgram) => unknown[]> = {
  createApiKeyAction: (slug) => [
    slug,
    { status: "idle" },
    new FormFields({ label: "crawler", mode: "live" }),
  ],
  revokeApiKeyAction: (slug, t) => [slug, new FormFields({ id: t.ids.apiKey })],
  saveRewardRuleAction: (slug, t) => [
    slug,
    {},
    new FormFields({
      id: t.ids.rule,
      name: "crawler",
      actionType: t.typeName,
      minValue: "",
      groupKey: "",
      amount: "1",
      active: "on",
    }),
  ],
  // A name in use is refused (no overwrite by name), so the owner's own call saves a new one.
  saveViewAction: (slug, t) => [
    slug,
    "timeframe=any_time",
    { status: "idle" },
    new FormFields({ name: `${t.plainViewName} copy` }),
  ],
  // The second view: the first is deleted, in whichever order the actions come.
  updateViewAction: (slug, t) => [
    slug,
    "timeframe=today",
    { status: "idle" },
    new FormFields({ id: t.ids.views[1] }),
  ],
  renameViewAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.views[1], name: `${t.plainViewName} renamed` }),
  ],
  deleteViewAction: (slug, t) => [slug, { status: "idle" }, new FormFields({ id: t.ids.views[0] })],
  createShareLinkAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ savedViewId: t.ids.views[1], password: "", expires: "", embedOrigins: "" }),
  ],
  revokeShareLinkAction: (slug, t) => [slug, new FormFields({ id: t.ids.shareLink })],
  rotateEmbedSecretAction: (slug) => [slug, new FormFields({})],
  addAnnotationAction: (slug) => [
    slug,
    { status: "idle" },
    new FormFields({ day: "2026-03-02", text: "Crawled note" }),
  ],
  deleteAnnotationAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.annotation }),
  ],
  // A webhook: owners and managers only (viewers may schedule email to members).
  createScheduleAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({
      savedViewId: t.ids.views[1],
      frequency: "daily",
      time: "09:00",
      file: "tab.pdf",
      channel: "webhook",
      webhookUrl: "https://hooks.example/crawler",
    }),
  ],
  // The seeded schedules were made by the manager: viewers may neither send nor delete them.
  sendNowAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.schedules[0] }),
  ],
  deleteScheduleAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.schedules[1] }),
  ],
  // A webhook alert: owners and managers only (viewers may alert members by email).
  createAlertAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({
      savedViewId: t.ids.views[1],
      metric: "occurrences",
      per: "view",
      condition: "above",
      threshold: "10",
      frequency: "daily",
      channel: "webhook",
      webhookUrl: "https://hooks.example/crawler-alert",
    }),
  ],
  // The seeded alerts were made by the manager: viewers may neither snooze nor delete them.
  snoozeAlertAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.alerts[0], snooze: "1d" }),
  ],
  deleteAlertAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.alerts[1] }),
  ],
  // The program's own API (this e2e server speaks PartnerStack v2) with a key of its own: the check
  // passes. Then an import is queued, then the connection removed (actions run in name order).
  connectAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({
      baseUrl: `http://127.0.0.1:${POSTGRES_PORT}/api/v2`,
      publicKey: t.sourceKey.publicKey,
      secretKey: t.sourceKey.secret,
    }),
  ],
  importAction: (slug) => [slug, new FormFields({ rerunRules: "" })],
  removeConnectionAction: (slug) => [slug],
  // Groups and tags (owners and managers): names unlike the seeded ones, so each call changes
  // something. In name order the seeded group and tag are archived first, then renamed.
  createGroupAction: (slug) => [
    slug,
    { status: "idle" },
    new FormFields({ name: "Crawler group", key: "" }),
  ],
  renameGroupAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.group, name: "Crawler renamed group" }),
  ],
  archiveGroupAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.group, archived: "true" }),
  ],
  createTagAction: (slug) => [slug, { status: "idle" }, new FormFields({ name: "crawler-tag" })],
  renameTagAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.tag, name: "crawler-renamed-tag" }),
  ],
  archiveTagAction: (slug, t) => [
    slug,
    { status: "idle" },
    new FormFields({ id: t.ids.tag, archived: "true" }),
  ],
  setDomainsAction: (slug) => [
    slug,
    { status: "idle" },
    new FormFields({ domains: "crawler.example" }),
  ],
  // Members (owners only): promote the manager, invite someone, resend then revoke the seeded
  // invitation (actions run in name order).
  changeMemberRoleAction: (slug, t) => [
    slug,
    new FormFields({ userId: t.ids.manager, role: "owner" }),
  ],
  inviteMemberAction: (slug) => [
    slug,
    { status: "idle" },
    new FormFields({ email: "crawler-invite@crawler.example", role: "viewer" }),
  ],
  resendInvitationAction: (slug, t) => [slug, new FormFields({ id: t.ids.invitation })],
  revokeInvitationAction: (slug, t) => [slug, new FormFields({ id: t.ids.invitation })],
  // Invites the managers PartnerStack named who are not members (one is seeded as waiting).
  inviteWaitingManagersAction: (slug) => [slug, null],
  // The seeded programs' zone and currency (the factory's), so only the name changes: a new zone
  // needs its confirmation, and a program with rewards keeps its currency.
  saveProgramSettingsAction: (slug) => [
    slug,
    { status: "idle" },
    new FormFields({
      name: "Renamed by the crawler",
      slug,
      timezone: "America/New_York",
      currency: "USD",
    }),
  ],
  deleteProgramAction: (slug) => [slug, { status: "idle" }, new FormFields({ confirm: slug })],
  // Names no program: a new one of the caller's, under a fresh slug each time.
  createProgramAction: () => [
    { status: "idle" },
    new FormFields({
      name: "Crawler program",
      slug: `crawler-${Math.random().toString(36).slice(2, 10)}`,
      timezone: "UTC",
      currency: "USD",
    }),
  ],
};

/**
 * Server actions outside any program: they take no slug (their own one-time token, or the
 * signed-in person's account), so they are crawled for crashes and leaks only. Each gets arguments
 * that change nothing: a forged token, a wrong password, an unknown address.
 */
export const GLOBAL_ACTION_ARGS: Record<string, () => unknown[]> = {
  forgotPasswordAction: () => [
    { status: "idle" },
    new FormFields({ email: "nobody@crawler.example" }),
  ],
  resetPasswordAction: () => [
    "forged-reset-token",
    { status: "idle" },
    new FormFields({ password: "crawler-password-1", confirm: "crawler-password-1" }),
  ],
  setupAction: () => ["forged-setup-token", { status: "idle" }, new FormFields({ name: "x" })],
  acceptInvitationAction: () => [
    "eyJwIjoxfQ.forged",
    { status: "idle" },
    new FormFields({ name: "Crawler", password: "crawler-password-1" }),
  ],
  updateProfileAction: () => [
    { status: "idle" },
    new FormFields({ name: "Crawler", email: "not-an-email", currentPassword: "" }),
  ],
  // A share link's password: a forged link opens nothing.
  unlockShareLinkAction: () => [
    { status: "idle" },
    new FormFields({ programId: "1", token: "eyJwIjoxfQ.forged", password: "crawler" }),
  ],
  changePasswordAction: () => [
    { status: "idle" },
    new FormFields({ currentPassword: "wrong", password: "a", confirm: "b" }),
  ],
};

/**
 * Actions the crawlers never call: they end the crawler's own session (every request after would
 * be signed out). Each is covered by a spec of its own (e2e/accounts.spec.ts).
 */
export const SESSION_ENDING_ACTIONS = new Set(["signOutEverywhereAction"]);

export const isGlobalAction = (name: string) => name in GLOBAL_ACTION_ARGS;

/** Values for the dynamic segments of the pages that post server actions. */
export const actionPageSegments = (slug: string) => ({
  slug: [slug],
  program: ["1"],
  token: ["eyJwIjoxfQ.forged"],
});

export function actionArgs(name: string, slug: string, target: CrawlProgram) {
  if (isGlobalAction(name)) return GLOBAL_ACTION_ARGS[name]();
  const args = ACTION_ARGS[name];
  if (!args) {
    throw new Error(
      `Server action ${name}: the crawler does not know its arguments. Add it to ACTION_ARGS (e2e/support/crawl-plan.ts).`,
    );
  }
  return args(slug, target);
}
