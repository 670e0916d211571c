// The isolation crawler (issue 9): every page, drill-down, export, server action and API route of
// the route tree, read from disk at test time, requested by a member of program A with program
// B's slug, keys and object keys. Nothing of B may answer, and nothing of B may change.
import { expect, test } from "@playwright/test";
import { apiProbes } from "./support/api-crawl-plan";
import {
  ACTION_ARGS,
  actionArgs,
  actionPageSegments,
  isGlobalAction,
  GLOBAL_ACTIONS,
  LAST_ACTIONS,
  kindOf,
  SESSION_ENDING_ACTIONS,
  secretsOf,
  segmentValues,
  sessionProbes,
} from "./support/crawl-plan";
import { programSnapshot, seedIsolationWorld } from "./support/isolation-seed";
import { e2eDatabase } from "./support/seed";
import { leaks, readableBody, runProbes } from "./support/probes";
import { fillPattern, listAppRoutes } from "./support/route-tree";
import { callServerAction, listServerActions as listAllActions } from "./support/server-actions";
import { signIn } from "./support/sign-in";

const origin = () => String(test.info().project.use.baseURL);
/** Every server action the crawler calls (not those that end its own session). */
const listServerActions = () => listAllActions().filter((a) => !SESSION_ENDING_ACTIONS.has(a.name));

test("the route tree is what the crawler knows how to fill", () => {
  const routes = listAppRoutes();
  // Every route is classified and every dynamic segment has values, or this throws.
  const keys = {
    program: { slug: "s" },
    actionKeys: ["a"],
    customerKeys: ["c"],
    partnerKeys: ["p"],
    groupKey: "g",
    tagName: "t",
  };
  for (const route of routes) {
    kindOf(route);
    expect(fillPattern(route, segmentValues(keys)).length, route.file).toBeGreaterThan(0);
  }
  expect(routes.map((r) => r.pattern)).toContain("/p/[slug]/actions/export/[file]");
  expect(routes.find((r) => r.pattern === "/api/v2/customers/[customer_key]")?.methods).toEqual([
    "GET",
    "PATCH",
    "DELETE",
  ]);
  const actions = listAllActions();
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) {
    const known =
      action.name in ACTION_ARGS ||
      isGlobalAction(action.name) ||
      SESSION_ENDING_ACTIONS.has(action.name);
    expect(known, action.name).toBe(true);
  }
});

test("a member of A gets nothing of B from any page, drill-down, export or server action", async ({
  page,
}) => {
  const world = await seedIsolationWorld();
  const { a, b, owner } = world;
  const before = await programSnapshot(b.program.id);
  await signIn(page, owner.email, owner.password);

  const failures = await runProbes(page.request, sessionProbes(listAppRoutes(), world));

  // Server actions bound to B's slug (and B's ids), posted from A's own pages; those outside any
  // program (accounts, one-time links) with forged tokens: no crash, nothing of B.
  for (const action of listServerActions()) {
    const global = isGlobalAction(action.name);
    for (const pattern of action.pages) {
      for (const url of fillPattern(routeOf(pattern), actionPageSegments(a.program.slug))) {
        const args = actionArgs(action.name, b.program.slug, b);
        const response = await callServerAction(page.request, origin(), url, action, args);
        const body = readableBody(await response.body());
        const found = leaks(body, secretsOf(b), JSON.stringify(args));
        const refused = global
          ? response.status() < 500
          : response.status() >= 400 || GLOBAL_ACTIONS.has(action.name);
        if (!refused || found.length > 0) {
          failures.push(
            `action ${action.name} via ${url}: status ${response.status()}${found.length ? `, shows ${found.join(", ")}` : ""}`,
          );
        }
      }
    }
  }
  expect(failures).toEqual([]);
  expect(await programSnapshot(b.program.id), "B's rows changed").toEqual(before);

  // The crawl can see data: the same pages and downloads show A's own rows.
  for (const path of [
    `/p/${a.program.slug}/actions/occurrences?timeframe=any_time`,
    `/p/${a.program.slug}/actions/export/actions.csv?timeframe=any_time`,
    `/p/${a.program.slug}/api-keys`,
    `/p/${a.program.slug}/reward-rules`,
    `/p/${a.program.slug}/api-log`,
    `/p/${a.program.slug}/audit`,
    `/p/${a.program.slug}/audit/export`,
    `/p/${a.program.slug}/groups`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(readableBody(await response.body()), path).toContain(a.marker);
  }

  // The same calls work for A's owner on A's rows, so the refusals above were refusals (the
  // program's deletion last; an action naming no program changes none).
  const ownRound = listServerActions()
    .filter((x) => !isGlobalAction(x.name))
    .sort((x, y) => LAST_ACTIONS.indexOf(x.name) - LAST_ACTIONS.indexOf(y.name));
  for (const action of ownRound) {
    const url = fillPattern(routeOf(action.pages[0]), { slug: [a.program.slug] })[0];
    const snapshot = await programSnapshot(a.program.id);
    const args = actionArgs(action.name, a.program.slug, a);
    const response = await callServerAction(page.request, origin(), url, action, args);
    expect(response.status(), action.name).toBeLessThan(400);
    if (GLOBAL_ACTIONS.has(action.name)) continue;
    expect(await programSnapshot(a.program.id), `${action.name} changed nothing`).not.toEqual(
      snapshot,
    );
  }
});

test("A's API key reaches nothing of B on any API route; wrong and mixed keys are refused", async ({
  page,
}) => {
  const world = await seedIsolationWorld();
  const { a, b, owner } = world;
  const before = { a: await programSnapshot(a.program.id), b: await programSnapshot(b.program.id) };
  // Signed in, so every request also carries A's session cookie: it must not count as a key.
  await signIn(page, owner.email, owner.password);
  const openapi = await (await page.request.get("/api/v2/openapi.json")).json();

  const failures = await runProbes(page.request, apiProbes(listAppRoutes(), world, openapi));
  expect(failures).toEqual([]);
  expect(await programSnapshot(b.program.id), "B's rows changed").toEqual(before.b);
  expect(await programSnapshot(a.program.id), "A's rows changed").toEqual(before.a);
});

test("a viewer of A is offered no way to manage keys, rules or saved views, and every server action refuses them", async ({
  page,
}) => {
  const { a, viewer } = await seedIsolationWorld();
  const before = await programSnapshot(a.program.id);
  await signIn(page, viewer.email, viewer.password);
  const slug = a.program.slug;

  await page.goto(`/p/${slug}/api-keys`);
  await expect(page.getByText("Only program owners can see and manage API keys.")).toBeVisible();
  await expect(page.getByRole("button", { name: /create key|revoke/i })).toHaveCount(0);
  await expect(page.getByText(a.apiKey.publicKey)).toHaveCount(0);

  await page.goto(`/p/${slug}/reward-rules?edit=${a.ids.rule}`);
  await expect(page.getByRole("row", { name: new RegExp(`Rule ${a.marker}`) })).toBeVisible();
  await expect(page.getByText("Only owners and managers can change reward rules.")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByLabel("Amount per action")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /save|add|delete/i })).toHaveCount(0);
  // Rules tried on history are the managers': no link, and the page and its CSV answer 403.
  await expect(page.getByRole("link", { name: /try on history|try a change/i })).toHaveCount(0);
  for (const path of [
    `/p/${slug}/reward-rules/try?change=off&rule=${a.ids.rule}`,
    `/p/${slug}/reward-rules/try/export?change=off&rule=${a.ids.rule}`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(readableBody(await response.body()), path).not.toContain(`Rule ${a.marker}`);
  }

  await page.goto(`/p/${slug}/groups`);
  await expect(page.getByRole("row", { name: new RegExp(`Group ${a.marker}`) })).toBeVisible();
  await expect(
    page.getByText("Only owners and managers can change groups and tags."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /add|rename|archive|restore/i })).toHaveCount(0);

  // The audit log is the owners': no link, and the page and its CSV answer 403.
  await page.goto(`/p/${slug}/actions`);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  for (const path of [`/p/${slug}/audit`, `/p/${slug}/audit/export`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(readableBody(await response.body()), path).not.toContain(`Audit ${a.marker}`);
  }

  await page.getByRole("button", { name: "Saved views" }).click();
  await expect(page.getByRole("link", { name: `View ${a.marker}`, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /delete saved view/i })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save view" })).toHaveCount(0);

  // Invoked anyway, with A's own slug and ids (a key to revoke, a rule to edit, a shared view
  // to overwrite or delete): each answers without a crash and changes nothing.
  const failures: string[] = [];
  for (const action of listServerActions()) {
    for (const pattern of action.pages) {
      for (const url of fillPattern(routeOf(pattern), actionPageSegments(slug))) {
        const args = actionArgs(action.name, slug, a);
        const response = await callServerAction(page.request, origin(), url, action, args);
        const body = await response.text();
        if (response.status() >= 500 || /sk_(live|test)_/.test(body)) {
          failures.push(`${action.name} via ${url}: status ${response.status()}`);
        }
      }
    }
  }
  expect(failures).toEqual([]);
  expect(await programSnapshot(a.program.id), "a viewer changed A's rows").toEqual(before);
});

/** A page pattern as a route, for filling its dynamic segments. */
function routeOf(pattern: string) {
  const segments = [...pattern.matchAll(/\[\[?(.+?)\]?\]/g)].map((m) => m[1]);
  return { file: `app${pattern}/page.tsx`, kind: "page" as const, pattern, segments, methods: [] };
}

test("a share link alone shows its one view and opens nothing else; revoked, it is a 404", async ({
  browser,
}) => {
  const { a, b } = await seedIsolationWorld();
  // A browser that never signed in, holding only A's link.
  const context = await browser.newContext();
  const page = await context.newPage();
  const shared = await page.goto(a.sharePath);
  expect(shared?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.plainViewName);
  const html = readableBody(await shared!.body());
  expect(leaks(html, secretsOf(b), "")).toEqual([]);
  // Every link on the page stays on the link (the table's pager); no page, drill-down or file.
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
  expect(hrefs.filter((href) => !href.startsWith(a.sharePath))).toEqual([]);
  // The URL cannot change the view's filters: a foreign group or timeframe is ignored.
  const tampered = await page.request.get(`${a.sharePath}?timeframe=today&group=${b.ids.group}`);
  expect(tampered.status()).toBe(200);

  // With the link's visit behind it, every other route answers as to anyone signed out.
  const failures: string[] = [];
  for (const route of listAppRoutes()) {
    const kind = kindOf(route);
    if (route.pattern === "/share/[program]/[token]") continue;
    for (const url of fillPattern(route, segmentValues(a))) {
      for (const method of route.methods) {
        const response = await page.request.fetch(url, {
          method,
          maxRedirects: 0,
          ...(method === "GET" || method === "HEAD" ? {} : { data: {} }),
        });
        const status = response.status();
        const body = readableBody(await response.body());
        const ok =
          kind === "program"
            ? status === 307 || status === 401 || status === 403 || status === 404
            : kind === "api"
              ? status === 401 || status === 404 || status === 405
              : status < 500;
        const found = leaks(body, [a.marker, ...secretsOf(b)], url);
        if (!ok || found.length) {
          failures.push(`${method} ${url}: ${status}${found.length ? `, shows ${found}` : ""}`);
        }
      }
    }
  }
  expect(failures).toEqual([]);

  // Another program's id, a forged token, then the link revoked: 404 alike.
  const [, programId, token] = a.sharePath.split("/").slice(1);
  for (const path of [`/share/${b.program.id}/${token}`, `/share/${programId}/${"x".repeat(43)}`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  const { prisma } = await e2eDatabase();
  await prisma.shareLink.update({
    where: { programId_id: { programId: a.program.id, id: a.ids.shareLink } },
    data: { revokedAt: new Date() },
  });
  expect((await page.request.get(a.sharePath)).status()).toBe(404);
  await context.close();
});
