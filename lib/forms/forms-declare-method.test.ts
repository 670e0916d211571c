import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The rule (see components/ui/until-hydrated.tsx and e2e/forms-before-hydration.spec.ts, which
// reads the rendered pages with scripts off): a `<form>` says how the browser would send it before
// React runs — `method="post"`, its whole content in <UntilHydrated> (disabled until hydrated),
// unless it posts to a URL of its own (`action=`), or `method="get"` (a filter form). This reads
// every component, the pages the crawl cannot render (first run, invitations) included.
const ROOTS = ["app", "components"];

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") && !entry.name.includes(".test.") ? [full] : [];
  });
}

const files = ROOTS.flatMap((root) => tsxFiles(root)).map((file) => ({
  file,
  // Comments may name a <form> ("no <form> of its own"): only code counts.
  source: readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, ""),
}));

/** Each `<form …>…</form>` of a source: its attributes (braces followed, `=>` included) and body. */
function forms(source: string): { tag: string; body: string }[] {
  const found: { tag: string; body: string }[] = [];
  for (const start of source.matchAll(/<form[\s>]/g)) {
    let end = start.index + 5;
    for (let depth = 0; source[end] !== ">" || depth > 0; end++) {
      if (source[end] === "{") depth++;
      if (source[end] === "}") depth--;
    }
    const close = source.indexOf("</form>", end);
    found.push({ tag: source.slice(start.index + 5, end), body: source.slice(end + 1, close) });
  }
  return found;
}

describe("forms before hydration", () => {
  it("finds the forms it checks", () => {
    expect(files.filter((f) => /<form[\s>]/.test(f.source)).length).toBeGreaterThanOrEqual(25);
  });

  it("gives every <form> a method", () => {
    const missing = files.flatMap(({ file, source }) =>
      forms(source)
        .filter(({ tag }) => !/\bmethod="(post|get)"/.test(tag))
        .map(({ tag }) => `${file}: <form${tag.replace(/\s+/g, " ").slice(0, 60)}…>`),
    );
    expect(missing).toEqual([]);
  });

  it("disables the fields of every form React sends until the page is hydrated", () => {
    const early = files.flatMap(({ file, source }) =>
      forms(source)
        .filter(({ tag }) => /method="post"/.test(tag) && !/\baction=/.test(tag))
        .filter(({ body }) => !/^\s*<UntilHydrated[\s>][\s\S]*<\/UntilHydrated>\s*$/.test(body))
        .map(
          ({ tag }) =>
            `${file}: <form${tag.replace(/\s+/g, " ").slice(0, 60)}…> without <UntilHydrated>`,
        ),
    );
    expect(early).toEqual([]);
  });

  it("spaces the fields from <UntilHydrated>, not from the form", () => {
    // `space-y-4` and `divide-y` style a parent's children; inside <UntilHydrated> the form has one
    // child (the fieldset, laid out as if absent), so on the form they would space nothing.
    const lost = files.flatMap(({ file, source }) =>
      forms(source)
        .filter(
          ({ tag, body }) => /<UntilHydrated/.test(body) && /\b(space-[xy]-|divide-)/.test(tag),
        )
        .map(({ tag }) => `${file}: <form${tag.replace(/\s+/g, " ").slice(0, 60)}…>`),
    );
    expect(lost).toEqual([]);
  });
});
