// The malformed-request crawler: what the isolation crawler sends well-formed, sent broken. Every
// server action with each of its fields replaced by malformed values and from a foreign Origin;
// every route with a program slug holding control characters; next-auth's endpoints with callback
// URLs it cannot parse. Nothing may answer a 5xx (a refusal is a 4xx or a form's own answer).
import { expect, test } from "@playwright/test";
import {
  actionArgs,
  actionPageSegments,
  segmentValues,
  SESSION_ENDING_ACTIONS,
} from "./support/crawl-plan";
import { seedIsolationWorld } from "./support/isolation-seed";
import { fillPattern, listAppRoutes, type AppRoute } from "./support/route-tree";
import { callServerAction, FormFields, listServerActions } from "./support/server-actions";
import { signIn } from "./support/sign-in";

const origin = () => String(test.info().project.use.baseURL);
const MALFORMED = ["abc", "99999999999", "1.5", "-1", "x\u0000y", "9".repeat(400), "%ZZ"];
const CONTROL_SLUGS = ["acme\u0000", "\u0001x", "a\u007f", "a\nb", "a\tb", "a\u001bb"];

function pageRoute(pattern: string): AppRoute {
  const segments = [...pattern.matchAll(/\[\[?(.+?)\]?\]/g)].map((m) => m[1]);
  return { file: `app${pattern}/page.tsx`, kind: "page", pattern, segments, methods: [] };
}

test("server actions answer malformed fields and foreign origins without a 5xx", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { a, owner } = await seedIsolationWorld();
  await signIn(page, owner.email, owner.password);
  const failures: string[] = [];
  for (const action of listServerActions().filter((a) => !SESSION_ENDING_ACTIONS.has(a.name))) {
    const url = fillPattern(pageRoute(action.pages[0]), actionPageSegments(a.program.slug))[0];
    const args = actionArgs(action.name, a.program.slug, a);

    const foreign = await page.request.post(url, {
      multipart: new FormData(),
      headers: { "Next-Action": action.id, Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    if (foreign.status() !== 403)
      failures.push(`${action.name} from evil.example: ${foreign.status()}`);

    const forms = args
      .map((arg, i) => [arg, i] as const)
      .filter(([arg]) => arg instanceof FormFields);
    for (const [form, at] of forms) {
      for (const field of Object.keys((form as FormFields).fields)) {
        for (const value of MALFORMED) {
          const broken = [...args];
          broken[at] = new FormFields({ ...(form as FormFields).fields, [field]: value });
          const response = await callServerAction(page.request, origin(), url, action, broken);
          if (response.status() >= 500) {
            failures.push(`${action.name} ${field}=${JSON.stringify(value)}: ${response.status()}`);
          }
        }
      }
    }
    // A slug that is not text, or holds NUL.
    for (const slug of [12, null, "acme\u0000"]) {
      const response = await callServerAction(page.request, origin(), url, action, [
        slug,
        ...args.slice(1),
      ]);
      if (response.status() >= 500)
        failures.push(`${action.name} slug ${JSON.stringify(slug)}: ${response.status()}`);
    }
  }
  expect(failures).toEqual([]);
});

test("every route answers a slug with control characters without a 5xx", async ({ page }) => {
  test.setTimeout(180_000);
  const world = await seedIsolationWorld();
  await signIn(page, world.owner.email, world.owner.password);
  const failures: string[] = [];
  for (const route of listAppRoutes().filter((r) => r.segments.includes("slug"))) {
    const paths = fillPattern(route, {
      ...segmentValues(world.a, ["tab.pdf", "table.csv"]),
      slug: CONTROL_SLUGS,
    });
    for (const path of paths) {
      for (const method of route.methods) {
        const response = await page.request.fetch(path, {
          method,
          maxRedirects: 0,
          ...(method === "POST"
            ? { data: "{}", headers: { "content-type": "application/json" } }
            : {}),
        });
        if (response.status() >= 500) failures.push(`${method} ${path}: ${response.status()}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test("next-auth's endpoints answer callback URLs they cannot use without a 5xx", async ({
  request,
}) => {
  const failures: string[] = [];
  for (const endpoint of [
    "signout",
    "signin",
    "csrf",
    "session",
    "providers",
    "callback/credentials",
    "error",
  ]) {
    for (const callback of [
      "x",
      "%ZZ",
      "javascript:alert(1)",
      "//evil.example",
      "http://evil.example/",
    ]) {
      for (const method of ["GET", "POST"]) {
        const response = await request.fetch(`/api/auth/${endpoint}?callbackUrl=${callback}`, {
          method,
          maxRedirects: 0,
          form: method === "POST" ? { callbackUrl: callback } : undefined,
        });
        if (response.status() >= 500)
          failures.push(`${method} ${endpoint} ${callback}: ${response.status()}`);
        // A redirect stays on this site, and not to a path a browser reads as another host.
        const location = response.headers()["location"];
        if (location) {
          const target = new URL(location, origin());
          if (target.origin !== new URL(origin()).origin || target.pathname.startsWith("//")) {
            failures.push(`${method} ${endpoint} ${callback}: to ${location}`);
          }
        }
      }
    }
  }
  // A callback-url cookie it cannot parse is cleared, not a 500.
  const cookie = await request.get("/api/auth/signout", {
    headers: { cookie: "next-auth.callback-url=%ZZ" },
  });
  expect(cookie.status()).toBe(400);
  expect(failures).toEqual([]);
});
