// Checks package-lock.json on its own (no node_modules, no registry) for what makes `npm ci`
// refuse the lockfile, or `npm install` rewrite it, on another machine:
// - every package that lists optionalDependencies (the per-platform native builds of esbuild,
//   @next/swc, sharp/@img, lightningcss, rolldown, chdb, …) has each of them locked, at a version
//   its range allows: npm locks only what it can fetch, and a platform build missing from the
//   lockfile is added by `npm install` on that platform, refused by `npm ci` there;
// - every locked package has a version and an integrity hash (no `resolved`: these machines write
//   lockfiles with omit-lockfile-registry-resolved, so npm fetches name@version from whichever
//   registry it is configured with, and checks the hash);
// - the root entry declares what package.json declares.
//   node scripts/check-lockfile.mjs [package-lock.json [package.json]]
import { readFileSync } from "node:fs";
import path from "node:path";

// Platform builds that the registry these machines reach does not serve (404), so their hashes
// cannot be locked from here. Until they are, `npm ci` refuses the lockfile (here too), and
// `npm install` wherever the full npm registry is reachable adds them to it. That is the fix:
// commit the entries it adds to package-lock.json and delete them here (this check fails once
// they are locked).
const NOT_SERVED_HERE = new Set([
  "@chdb/lib-darwin-arm64@26.7.3-stable.1",
  "@chdb/lib-darwin-x64@26.7.3-stable.1",
  "@chdb/lib-linux-arm64-gnu@26.7.3-stable.1",
]);

/** A version as numbers [major, minor, patch] and its prerelease tag ("" when none). */
function parseVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  return match && { numbers: match.slice(1, 4).map(Number), pre: match[4] ?? "" };
}

function compareNumbers(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * Whether `version` is in `range`, for the ranges npm packages give their optional platform
 * builds: exact versions, `^x.y.z`, `~x.y.z`, `*`, and `||` between them (a prerelease version
 * matches an exact range only). Anything else is `undefined`: not understood.
 */
export function rangeAllows(range, version) {
  const v = parseVersion(version);
  if (!v) return undefined;
  const answers = range.split("||").map((part) => {
    const text = part.trim();
    if (text === "*" || text === "") return v.pre === "";
    const match = /^([~^]|=)?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(text);
    const bound = match && parseVersion(match[2]);
    if (!bound) return undefined;
    if (!match[1] || match[1] === "=") return version === match[2];
    if (bound.pre !== "") return undefined;
    if (v.pre !== "") return false;
    const [major, minor] = bound.numbers;
    let upper; // exclusive
    if (match[1] === "~") upper = [major, minor + 1, 0];
    else if (major > 0) upper = [major + 1, 0, 0];
    else if (minor > 0) upper = [0, minor + 1, 0];
    else upper = [0, 0, bound.numbers[2] + 1];
    return compareNumbers(v.numbers, bound.numbers) >= 0 && compareNumbers(v.numbers, upper) < 0;
  });
  if (answers.includes(true)) return true;
  return answers.includes(undefined) ? undefined : false;
}

/** The lockfile key a dependency of `from` resolves to, the way Node walks up node_modules. */
function resolveInLock(packages, from, name) {
  let base = from;
  for (;;) {
    const key = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (packages[key]) return key;
    if (base === "") return undefined;
    const parent = base.lastIndexOf("/node_modules/");
    base = parent === -1 ? "" : base.slice(0, parent);
  }
}

function sameJson(a, b) {
  const sorted = (value) =>
    value && typeof value === "object"
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, sorted(value[key])]),
        )
      : value;
  return JSON.stringify(sorted(a ?? {})) === JSON.stringify(sorted(b ?? {}));
}

/** What is wrong with a lockfile, and the known gaps it has (see NOT_SERVED_HERE). */
export function checkLockfile(lock, manifest) {
  const problems = [];
  const knownGaps = [];
  const packages = lock.packages;
  if (!packages || lock.lockfileVersion < 2) {
    return { problems: ["no `packages` section: write it with npm 7 or later"], knownGaps };
  }

  const root = packages[""] ?? {};
  for (const field of ["dependencies", "devDependencies", "optionalDependencies", "engines"]) {
    if (!sameJson(root[field], manifest[field])) {
      problems.push(`root entry: ${field} differ from package.json (run npm install)`);
    }
  }

  let optionalLocked = 0;
  for (const [key, entry] of Object.entries(packages)) {
    if (key === "" || entry.link || entry.inBundle) continue;
    const registry = !entry.resolved || /^https?:\/\/.+\.tgz$/.test(entry.resolved);
    if (!entry.version) problems.push(`${key}: no version`);
    if (registry && !entry.integrity) problems.push(`${key}: no integrity hash`);

    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const wanted = `${name}@${range}`;
      const found = resolveInLock(packages, key, name);
      if (NOT_SERVED_HERE.has(wanted)) {
        if (found) problems.push(`${wanted} is locked now: delete it from NOT_SERVED_HERE`);
        else knownGaps.push(`${key} → ${wanted}`);
        continue;
      }
      if (!found) {
        problems.push(`${key} → ${wanted}: not in the lockfile`);
        continue;
      }
      optionalLocked++;
      const allowed = rangeAllows(range, packages[found].version ?? "");
      if (allowed === undefined) {
        problems.push(`${key} → ${wanted}: range not understood by this check (locked: ${found})`);
      } else if (!allowed) {
        problems.push(`${key} → ${wanted}: locked ${found}@${packages[found].version}`);
      }
    }
  }
  return { problems, knownGaps, optionalLocked };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const root = path.join(import.meta.dirname, "..");
  const lockPath = process.argv[2] ?? path.join(root, "package-lock.json");
  const manifestPath = process.argv[3] ?? path.join(path.dirname(lockPath), "package.json");
  const lock = JSON.parse(readFileSync(lockPath, "utf8"));
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const { problems, knownGaps, optionalLocked } = checkLockfile(lock, manifest);

  for (const gap of knownGaps) {
    console.warn(`warning: not locked (the registry reachable here does not serve it): ${gap}`);
  }
  if (problems.length > 0) {
    console.error(`${lockPath} is incomplete or out of step with package.json:`);
    for (const problem of problems) console.error(`  - ${problem}`);
    console.error(
      "Usually fixed by `npm install` (Node 20.19+, npm 11) with a registry that serves every " +
        "platform's builds, then committing package-lock.json.",
    );
    process.exit(1);
  }
  console.log(
    `${path.relative(process.cwd(), lockPath) || lockPath}: ${Object.keys(lock.packages).length - 1} ` +
      `packages with versions and hashes, ${optionalLocked} optional dependencies locked` +
      (knownGaps.length > 0 ? `, ${knownGaps.length} known gaps (warned above).` : "."),
  );
}
