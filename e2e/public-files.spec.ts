import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const PUBLIC_DIR = path.join(process.cwd(), "public");

const CONTENT_TYPES: Record<string, RegExp> = {
  ".ico": /^image\/(x-icon|vnd\.microsoft\.icon)$/,
  ".png": /^image\/png$/,
  ".svg": /^image\/svg\+xml$/,
  ".webmanifest": /^application\/manifest\+json(;|$)/,
  ".txt": /^text\/plain(;|$)/,
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/**
 * Whether robots.txt lets a crawler fetch `url`, read as RFC 9309 says for one `User-agent: *`
 * group: the longest matching rule wins, Allow on a tie; `*` is any run of characters, `$` the end.
 */
function robotsAllow(robots: string, url: string): boolean {
  let best = { length: -1, allow: true };
  for (const line of robots.split("\n")) {
    const rule = /^(Allow|Disallow):\s*(\S*)/i.exec(line.replace(/#.*/, "").trim());
    if (!rule || rule[2] === "") continue;
    const anchored = rule[2].endsWith("$");
    const pattern = (anchored ? rule[2].slice(0, -1) : rule[2])
      .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*");
    if (!new RegExp(`^${pattern}${anchored ? "$" : ""}`).test(url)) continue;
    const allow = rule[1].toLowerCase() === "allow";
    if (rule[2].length > best.length || (rule[2].length === best.length && allow)) {
      best = { length: rule[2].length, allow };
    }
  }
  return best.allow;
}

test("every file of public/ is served signed out, as it is on disk, with the fixed headers", async ({
  request,
}) => {
  const files = readdirSync(PUBLIC_DIR);
  expect(files).toEqual(expect.arrayContaining(["robots.txt", "manifest.webmanifest"]));
  for (const file of files) {
    const response = await request.get(`/${file}`, { maxRedirects: 0 });
    expect(response.status(), file).toBe(200);
    expect(response.headers()["content-type"], file).toMatch(CONTENT_TYPES[path.extname(file)]);
    expect(
      Buffer.compare(await response.body(), readFileSync(path.join(PUBLIC_DIR, file))),
      file,
    ).toBe(0);
    expect(response.headers()["x-content-type-options"], file).toBe("nosniff");
    expect(response.headers()["x-frame-options"], file).toBe("DENY");
    expect(response.headers()["referrer-policy"], file).toBe("same-origin");
  }
});

test("robots.txt keeps crawlers to the sign-in page and the API reference", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^User-agent: \*$/m);
  expect(robots).toMatch(/^Disallow: \/$/m);
  for (const url of ["/signin", "/docs/api", "/api/v2/openapi.json", "/_next/static/chunks/a.js"]) {
    expect(robotsAllow(robots, url), url).toBe(true);
  }
  for (const url of [
    "/",
    "/signin?callbackUrl=%2Fp%2Facme%2Factions",
    "/p/acme/actions",
    "/p/acme/actions/export/table.csv",
    "/api/v2/actions",
    "/api/auth/signin",
  ]) {
    expect(robotsAllow(robots, url), url).toBe(false);
  }
});

test("the pages link the icons and the manifest, whose icons load in the browser", async ({
  page,
  request,
}) => {
  await page.goto("/signin");
  const head = page.locator("head");
  await expect(head.locator('link[rel="icon"][href="/icon.svg"]')).toHaveAttribute(
    "type",
    "image/svg+xml",
  );
  await expect(head.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
    "href",
    "/apple-touch-icon.png",
  );
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute(
    "href",
    "/manifest.webmanifest",
  );
  await expect(head.locator('meta[name="theme-color"]')).not.toHaveCount(0);

  // Every linked icon: served, and a PNG as large as its `sizes` says.
  const links = await head
    .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
    .evaluateAll((elements) =>
      elements.map((e) => ({ href: e.getAttribute("href")!, sizes: e.getAttribute("sizes") })),
    );
  expect(links.length).toBeGreaterThanOrEqual(3);
  for (const { href, sizes } of links) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    if (sizes) expect(pngSize(await response.body()), href).toBe(sizes);
  }

  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ name: "Actionboard", start_url: "/", display: "standalone" });
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  const pngSizes = manifest.icons.filter((i) => i.type === "image/png").map((i) => i.sizes);
  expect(pngSizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);

  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"].split(";")[0], icon.src).toBe(icon.type);
    if (icon.type === "image/png")
      expect(pngSize(await response.body()), icon.src).toBe(icon.sizes);
    // Decoded by the browser under the sign-in page's Content-Security-Policy.
    const width = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      return image.naturalWidth;
    }, icon.src);
    expect(width, icon.src).toBeGreaterThan(0);
  }
});
