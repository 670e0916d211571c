import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The rule (see useFormAction and e2e/forms-before-hydration.spec.ts, which reads the rendered
// pages with scripts off): a `<form>` says how the browser would send it before React runs —
// `method="post"` (submit buttons `disabled={locked}` until hydrated) or `method="get"` (a filter
// form) — and no form sent through useFormAction enables its buttons on `pending` alone. This
// reads every component, the pages the crawl cannot render (first run, invitations) included.
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

describe("forms before hydration", () => {
  it("finds the forms it checks", () => {
    expect(files.filter((f) => /<form[\s>]/.test(f.source)).length).toBeGreaterThanOrEqual(25);
  });

  it("gives every <form> a method", () => {
    const missing = files.flatMap(({ file, source }) =>
      [...source.matchAll(/<form\b([^>]*)>/g)]
        .filter((tag) => !/\bmethod="(post|get)"/.test(tag[1]))
        .map((tag) => `${file}: <form${tag[1].replace(/\s+/g, " ").slice(0, 60)}…>`),
    );
    expect(missing).toEqual([]);
  });

  it("keeps submit buttons of useFormAction forms locked until hydrated", () => {
    const early = files
      .filter(({ source }) => source.includes("useFormAction("))
      .flatMap(({ file, source }) =>
        [...source.matchAll(/disabled=\{(?:\w+\.)?pending\b/g)].map(
          () => `${file}: disabled={pending…}`,
        ),
      );
    expect(early).toEqual([]);
  });
});
