// What the isolation crawler sends to each public API route: wrong and mixed keys, A's key on
// B's objects, A's objects pointed at B's, list filters and cursors naming B's keys.
import type { CrawlProgram, IsolationWorld } from "./isolation-seed";
import { below500, refused4xx, statusIn, type Probe } from "./probes";
import { fillPattern, type AppRoute, type HttpMethod } from "./route-tree";
import { kindOf, secretsOf, segmentValues } from "./crawl-plan";

type Bodies = {
  /** A valid body for this route that changes nothing of interest: used on the other program's objects. */
  neutral?: (t: CrawlProgram) => unknown;
  /** Bodies that point this program's request at `b`'s objects: each must be refused. */
  foreign?: (b: CrawlProgram, a: CrawlProgram) => unknown[];
  /** How to judge a foreign body's answer when a refusal is not a 4xx (a batch answers 200). */
  judge?: (status: number, body: string) => string | null;
};

const unique = () => `crawl_${Math.random().toString(36).slice(2, 10)}`;

/** Bodies per `METHOD pattern`; a route missing here is sent `{}`, which must be refused too. */
const BODIES: Record<string, Bodies> = {
  "POST /api/v2/actions": {
    foreign: (b) => [
      { target_key: b.customerKeys[0], target_type: "customer", type: b.typeName },
      { target_key: b.partnerKeys[0], target_type: "partnership", type: "crawl_probe" },
    ],
  },
  "POST /api/v2/actions/batch": {
    foreign: (b) => [
      {
        actions: [
          { target_key: b.customerKeys[0], target_type: "customer", type: b.typeName },
          { target_key: b.partnerKeys[1], target_type: "partnership", type: "crawl_probe" },
        ],
      },
    ],
    judge: (status, body) => {
      if (status !== 200) return refused4xx(status);
      const results = (JSON.parse(body) as { data: { results: { status: number }[] } }).data
        .results;
      return results.every((r) => r.status >= 400)
        ? null
        : `batch stored ${results.filter((r) => r.status < 400).length} action(s)`;
    },
  },
  "POST /api/v2/customers": {
    foreign: (b) => [{ customer_key: unique(), partner_key: b.partnerKeys[0] }],
  },
  "POST /api/v2/partnerships": {
    foreign: (b, a) => {
      const person = { email: "crawl@crawl.test", first_name: "Crawl", last_name: "Probe" };
      return [
        { partner_key: unique(), ...person, group: b.groupKey },
        { partner_key: unique(), ...person, group_key: b.groupKey },
        { partner_key: unique(), ...person, group: a.groupKey, manager_email: b.manager.email },
      ];
    },
  },
  "PATCH /api/v2/customers/[customer_key]": {
    neutral: () => ({ name: "Crawl" }),
    foreign: (b) => [{ partner_key: b.partnerKeys[0] }],
  },
  // Groups and tags are addressed by key and name within the key's program; a new one named like
  // B's is A's own (so no foreign body here: `{}` must be refused).
  "PATCH /api/v2/groups/[group_key]": { neutral: () => ({ name: "Crawl" }) },
  "PATCH /api/v2/tags/[tag_name]": { neutral: () => ({ archived: true }) },
  "PATCH /api/v2/partnerships/[partner_key]": {
    neutral: () => ({ first_name: "Crawl" }),
    foreign: (b) => [
      { group: b.groupKey },
      { group_key: b.groupKey },
      { manager_email: b.manager.email },
    ],
  },
};

const withBody = (method: HttpMethod) =>
  method === "POST" || method === "PUT" || method === "PATCH";

/** Query parameters (from the OpenAPI document) that name objects, and B's keys to put in them. */
function foreignQueryValues(name: string, b: CrawlProgram): string[] {
  const values: Record<string, string[]> = {
    partner_key: [b.partnerKeys[0]],
    partnership_key: [b.partnerKeys[0]],
    group: [b.groupKey],
    action_type: [b.typeName],
    starting_after: [b.customerKeys[0], b.partnerKeys[0], b.actionKeys[0]],
    ending_before: [b.actionKeys[1]],
  };
  return values[name] ?? [];
}

type OpenApi = {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
};

const basic = (publicKey: string, secret: string) =>
  `Basic ${Buffer.from(`${publicKey}:${secret}`).toString("base64")}`;

/**
 * Credentials that must never open the API: none, and A's and B's keys mixed. Mixed ones name the
 * revoked keys' public keys, so the wrong secrets (which may lock a public key out for a while)
 * never touch the keys the other probes use.
 */
function wrongCredentials(a: CrawlProgram, b: CrawlProgram): [string, string | undefined][] {
  const secretPart = (secret: string) => secret.split("_").slice(3).join("_");
  const keyId = (publicKey: string) => publicKey.split("_")[2];
  return [
    ["no key (A's session cookie only)", undefined],
    ["A's public key, B's secret", basic(a.revokedKey.publicKey, b.apiKey.secret)],
    ["B's public key, A's secret", basic(b.revokedKey.publicKey, a.apiKey.secret)],
    [
      "Bearer naming B's key with A's secret",
      `Bearer sk_test_${keyId(b.revokedKey.publicKey)}_${secretPart(a.apiKey.secret)}`,
    ],
    ["B's revoked key", b.revokedKey.bearer],
  ];
}

/** Every API route and method: refused without a valid key, and A's key reaches nothing of B. */
export function apiProbes(routes: AppRoute[], { a, b }: IsolationWorld, openapi: OpenApi): Probe[] {
  const probes: Probe[] = [];
  const needlesB = secretsOf(b);
  for (const route of routes.filter((r) => kindOf(r) === "api")) {
    for (const method of route.methods) {
      const bodies = BODIES[`${method} ${route.pattern}`] ?? {};
      const neutral = withBody(method) ? (bodies.neutral?.(b) ?? {}) : undefined;
      const bPaths = fillPattern(route, segmentValues(b));

      for (const [label, authorization] of wrongCredentials(a, b)) {
        for (const url of bPaths) {
          // Wrong secrets for a known public key may also meet its lockout (429).
          const expect = authorization ? statusIn(401, 429) : statusIn(401);
          const headers: Record<string, string> = authorization ? { authorization } : {};
          probes.push({ label, method, url, headers, data: neutral, expect, needles: needlesB });
        }
      }

      const asA = { authorization: a.apiKey.basic };
      if (route.segments.length > 0) {
        // A's key on B's object: unknown to A, so 404 (a route without a known body may fail
        // validation first).
        const expect = withBody(method) && !bodies.neutral ? refused4xx : statusIn(404);
        for (const url of bPaths) {
          const label = "A's key, B's object";
          probes.push({
            label,
            method,
            url,
            headers: asA,
            data: neutral,
            expect,
            needles: needlesB,
          });
        }
        // B's key on A's object, the other way round.
        for (const url of fillPattern(route, segmentValues(a))) {
          const data = withBody(method) ? (bodies.neutral?.(a) ?? {}) : undefined;
          const headers = { authorization: b.apiKey.basic };
          probes.push({
            label: "B's key, A's object",
            method,
            url,
            headers,
            data,
            expect,
            needles: secretsOf(a),
          });
        }
      } else if (method === "GET") {
        probes.push({
          label: "A's list",
          method,
          url: route.pattern,
          headers: asA,
          expect: (status, body) =>
            status !== 200
              ? `status ${status}, expected 200`
              : body.includes(a.marker)
                ? null
                : "shows nothing of A either, so it proves nothing",
          needles: needlesB,
        });
        const spec = openapi.paths[route.pattern.replace(/\[(\w+)\]/g, "{$1}")]?.get;
        for (const param of spec?.parameters ?? []) {
          if (param.in !== "query") continue;
          for (const value of foreignQueryValues(param.name, b)) {
            const url = `${route.pattern}?${new URLSearchParams({ [param.name]: value })}`;
            probes.push({
              label: `A's list, ${param.name} of B`,
              method,
              url,
              headers: asA,
              expect: below500,
              needles: needlesB,
            });
          }
        }
      }

      if (withBody(method)) {
        // A's own objects (or a new one) pointed at B's: refused, nothing stored.
        const foreign = bodies.foreign?.(b, a) ?? [{}];
        for (const url of fillPattern(route, segmentValues(a))) {
          for (const data of foreign) {
            const expect = bodies.judge ?? refused4xx;
            probes.push({
              label: "A's key, body naming B's objects",
              method,
              url,
              headers: asA,
              data,
              expect,
              needles: needlesB,
            });
          }
        }
      }
    }
  }
  return probes;
}
