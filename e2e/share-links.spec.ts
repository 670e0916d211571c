// Read-only share links (issue 29, item 2): a manager shares a saved view, a browser that never
// signed in opens it and sees that view's numbers (checked against the database), with a
// password the link asks first and refuses a wrong one, and once revoked it is a 404 — at 1,440
// and 390 px. The isolation crawler checks that nothing else opens with the link.
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { e2eDatabase, seedTabMember } from "./support/seed";
import { signIn } from "./support/sign-in";
import { overflow } from "./support/page-crawl";

type Member = Awaited<ReturnType<typeof seedTabMember>>;

/** A saved view of every action of the member's program, any time by month. */
async function savedView(f: Member, name: string) {
  const { prisma } = await e2eDatabase();
  return prisma.savedView.create({
    data: {
      programId: f.program.id,
      userId: f.user.id,
      name,
      query: "timeframe=any_time&timescale=month",
    },
  });
}

async function countActions(programId: number): Promise<number> {
  const { prisma } = await e2eDatabase();
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM actions WHERE program_id = ${programId} AND archived_at IS NULL`;
  return Number(row.n);
}

for (const [width, password] of [
  [1440, ""],
  [390, "a shared secret 7"],
] as const) {
  test(`a manager shares a saved view by link${password ? " with a password" : ""}, anyone with it reads the view, at ${width} px`, async ({
    page,
    browser,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const f = await seedTabMember("manager");
    const view = await savedView(f, "Shared: any time by month");
    await signIn(page, f.user.email, f.user.password);
    await page.goto(`/p/${f.program.slug}/share-links?view=${view.id}`);
    await expect(page.getByLabel("Saved view")).toHaveValue(String(view.id));
    if (password) await page.getByLabel(/^Password/).fill(password);
    await page.getByRole("button", { name: "Create link" }).click();
    const link = (await page.getByTestId("new-share-link").textContent())!.trim();
    expect(link).toMatch(new RegExp(`/share/${f.program.id}/[A-Za-z0-9_-]{43}$`));
    const row = page.getByTestId(width < 640 ? "share-link-card" : "share-link-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Active");
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(width);

    // A browser that never signed in.
    const visitor = await browser.newContext({ viewport: { width, height: 900 } });
    const anyone = await visitor.newPage();
    const refusals: string[] = [];
    anyone.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refusals.push(m.text());
    });
    await anyone.goto(link);
    if (password) {
      await anyone.getByLabel("Password").fill("not it");
      await anyone.getByRole("button", { name: "Open" }).click();
      await expect(anyone.getByText("Wrong password.")).toBeVisible();
      await anyone.getByLabel("Password").fill(password);
      await anyone.getByRole("button", { name: "Open" }).click();
    }
    await expect(anyone.getByRole("heading", { level: 1 })).toHaveText(view.name);
    const occurrences = await anyone.getByTestId("tile-occurrences").textContent();
    expect(Number(occurrences!.replace(/[^0-9]/g, ""))).toBe(await countActions(f.program.id));
    await expect(
      anyone.getByTestId(width < 640 ? "shared-card" : "shared-table").first(),
    ).toBeVisible();
    expect((await overflow(anyone)).scrollWidth).toBeLessThanOrEqual(width);
    // Read-only: no filter bar, no download menu, no link off the shared page.
    await expect(anyone.getByRole("button", { name: /download/i })).toHaveCount(0);
    const hrefs = await anyone
      .locator("a[href]")
      .evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
    expect(hrefs.filter((href) => !link.endsWith(href.split("?")[0]))).toEqual([]);

    // The legend still hides a series (in the link's URL): the chart changes, the numbers stay.
    const series = anyone
      .getByRole("region", { name: "Occurrences over time" })
      .getByRole("group", { name: /Series drawn/ })
      .getByRole("button")
      .first();
    await series.click();
    await expect(series).toHaveAttribute("aria-pressed", "false");
    await expect(anyone).toHaveURL(/[?&]hidden=/);
    await expect(anyone.getByTestId("tile-occurrences")).toHaveText(occurrences!);
    await expect(anyone.getByRole("heading", { level: 1 })).toHaveText(view.name);

    // The page runs within the site's policy (no script the policy refuses).
    expect(refusals).toEqual([]);

    // Revoked from the list: the visitor's next load is a 404.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: `Revoke the link to ${view.name}` }).click();
    await expect(row).toContainText("Revoked");
    const again = await anyone.reload();
    expect(again?.status()).toBe(404);
    await visitor.close();
  });
}

/** Another site (its own port on this machine) whose page shows `src` in an <iframe>. */
async function hostingSite() {
  let src = "about:blank";
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(
      `<!doctype html><title>Wiki</title><iframe src="${src}" width="1200" height="800"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    frame: (url: string) => void (src = url),
    close: () => server.close(),
  };
}

test("a share link embedded: a listed site's page shows the view in its frame, any other site's is refused", async ({
  page,
  browser,
}) => {
  const f = await seedTabMember("manager");
  const view = await savedView(f, "Embedded: any time");
  const listed = await hostingSite();
  const elsewhere = await hostingSite();
  try {
    await signIn(page, f.user.email, f.user.password);
    await page.goto(`/p/${f.program.slug}/share-links?view=${view.id}`);
    await page.getByLabel(/^Sites that may embed it/).fill(`${listed.origin}/`);
    await page.getByRole("button", { name: "Create link" }).click();
    await expect(page.getByTestId("share-link-row")).toHaveCount(1);
    const code = (await page.getByTestId("embed-code").textContent())!;
    const src = /src="([^"]+)"/.exec(code)![1];
    expect(src).toContain("?frame=");

    // The header names exactly the listed site, and no X-Frame-Options contradicts it.
    const response = await page.request.get(src);
    expect(response.status()).toBe(200);
    const policy = response.headers()["content-security-policy"].split(/;\s*/);
    expect(policy).toContain(`frame-ancestors ${listed.origin}`);
    expect(response.headers()["x-frame-options"]).toBeUndefined();
    // The same link without the list: no site may frame it.
    const plain = await page.request.get(src.split("?")[0]);
    expect(plain.headers()["x-frame-options"]).toBe("DENY");
    expect(plain.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    // A URL naming another site than the link's list shows nothing.
    const forged = Buffer.from("http://evil.example").toString("base64url");
    expect((await page.request.get(src.replace(/frame=[^&]+/, `frame=${forged}`))).status()).toBe(
      404,
    );

    // Real frames, in a browser that never signed in: on the listed site the view shows; on
    // another site Chromium refuses the frame.
    listed.frame(src);
    elsewhere.frame(src);
    const visitor = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const wiki = await visitor.newPage();
    await wiki.goto(listed.origin);
    await expect(wiki.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveText(
      view.name,
    );
    const blocked = await visitor.newPage();
    const refused = blocked.waitForEvent("console", (m) => /frame-ancestors/.test(m.text()));
    await blocked.goto(elsewhere.origin);
    await refused;
    await expect(blocked.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveCount(0);
    await visitor.close();
  } finally {
    listed.close();
    elsewhere.close();
  }
});

test("a signed embed URL shows its view with the signed filter locked, in a frame on the site it names", async ({
  page,
  browser,
}) => {
  const f = await seedTabMember("owner");
  const { prisma } = await e2eDatabase();
  const view = await savedView(f, "Embedded for one partner");
  // One partner's email: the signed filter (the tab's "email contains").
  const [partner] = await prisma.$queryRaw<{ email: string; n: bigint }[]>`
    SELECT s.email, count(*) AS n FROM actions a
    JOIN partnerships s ON s.program_id = a.program_id AND s.id = a.partnership_id
    WHERE a.program_id = ${f.program.id} AND a.archived_at IS NULL
    GROUP BY s.email ORDER BY count(*) DESC, s.email LIMIT 1`;
  const [{ n: sameEmail }] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM actions a
    JOIN partnerships s ON s.program_id = a.program_id AND s.id = a.partnership_id
    WHERE a.program_id = ${f.program.id} AND a.archived_at IS NULL
      AND position(lower(${partner.email}) in lower(s.email)) > 0`;

  await signIn(page, f.user.email, f.user.password);
  await page.goto(`/p/${f.program.slug}/share-links`);
  await page.getByRole("button", { name: "Make an embed secret" }).click();
  const secret = (await page.getByTestId("embed-secret").textContent())!.trim();

  const site = await hostingSite();
  try {
    // Signed as the README tells an application to (node:crypto, not our code).
    const sign = (body: object, key = secret) => {
      const encoded = Buffer.from(JSON.stringify(body)).toString("base64url");
      return `${encoded}.${createHmac("sha256", key).update(encoded).digest("base64url")}`;
    };
    const exp = Math.floor(Date.now() / 1000) + 600;
    const body = { view: view.id, exp, params: { email: partner.email }, origins: [site.origin] };
    const src = `/embed/${f.program.id}/${sign(body)}`;
    const response = await page.request.get(src);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-security-policy"].split(/;\s*/)).toContain(
      `frame-ancestors ${site.origin}`,
    );
    expect(response.headers()["x-frame-options"]).toBeUndefined();
    for (const forged of [
      sign({ ...body, params: {} }, "emb_not-the-secret"),
      sign({ ...body, exp: Math.floor(Date.now() / 1000) - 1 }),
      `${sign(body).split(".")[0]}.${sign({ ...body, params: {} }).split(".")[1]}`,
    ]) {
      expect((await page.request.get(`/embed/${f.program.id}/${forged}`)).status()).toBe(404);
    }

    const visitor = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const app = await visitor.newPage();
    site.frame(`${String(test.info().project.use.baseURL)}${src}?email=nobody`);
    await app.goto(site.origin);
    const frame = app.frameLocator("iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText(view.name);
    const occurrences = await frame.getByTestId("tile-occurrences").textContent();
    expect(Number(occurrences!.replace(/[^0-9]/g, ""))).toBe(Number(sameEmail));
    await visitor.close();
  } finally {
    site.close();
  }
});
