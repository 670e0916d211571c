// The "what next" of an empty program, run as written: a fresh program (as the setup page and
// `npm run admin` make it), an API key made through the API keys page's own action, then each
// curl line of firstActionSteps — its arguments as a POSIX shell parses them — sent to the route handlers.
// The action must then count on the tab.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadView } from "@/lib/stats/load-view";
import { getSummary } from "@/lib/stats/get-summary";
import { firstActionSteps } from "@/lib/groups/first-action-steps";
import { createProgram } from "@/lib/programs/create-program";
import { createUser } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { postgresTabSources } from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createApiKeyAction } from "../../../p/[slug]/api-keys/actions";
import * as actionsRoute from "../actions/route";
import * as customersRoute from "../customers/route";
import * as partnershipsRoute from "../partnerships/route";

const BASE = "https://actionboard.example.com/";

/** The arguments curl would get from this line, as a POSIX shell parses it, with the key in the env. */
function curlArguments(line: string, env: Record<string, string>): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\n${line}`;
  const out = execFileSync("sh", ["-c", script], { env: { ...process.env, ...env } });
  return out.toString("utf8").split("\0").slice(0, -1);
}

/** A curl argument list as a Request: -u (Basic), -H headers, -d body (POST), then the URL. */
function requestOf(args: string[]): Request {
  const headers = new Headers();
  let body: string | undefined;
  for (let i = 0; i < args.length - 1; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === "-u")
      headers.set("authorization", `Basic ${Buffer.from(value).toString("base64")}`);
    else if (flag === "-H") headers.set(value.split(":")[0], value.split(":")[1].trim());
    else if (flag === "-d") body = value;
    else throw new Error(`unexpected curl argument ${flag}`);
  }
  expect(args.length % 2, "flags in pairs, then the URL").toBe(1);
  return new Request(args[args.length - 1], { method: "POST", headers, body });
}

describe.each(inject("engines"))("a new program's first action, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const ROUTES: Record<string, { on: typeof actionsRoute.POST.on }> = {
    "/api/v2/partnerships": partnershipsRoute.POST,
    "/api/v2/customers": customersRoute.POST,
    "/api/v2/actions": actionsRoute.POST,
  };

  it("runs each step's curl line as written and finds the action counted on the tab", async () => {
    const owner = await createUser(db.prisma);
    const made = await createProgram(
      db.prisma,
      { name: "Fresh", slug: `fresh-${engine}`, timezone: "Europe/Berlin", currency: "EUR" },
      owner.id,
    );
    if (!made.ok) throw new Error(made.message);
    const program = await db.prisma.program.findUniqueOrThrow({ where: { id: made.program.id } });

    signedIn.user = { id: owner.id, email: owner.email, name: owner.name };
    const key = await createApiKeyAction.on(db)(
      program.slug,
      { status: "idle" },
      formData({ label: "Backend", mode: "live" }),
    );
    if (key.status !== "created") throw new Error(JSON.stringify(key));

    const steps = firstActionSteps(BASE, key.publicKey);
    expect(steps.map((s) => s.path)).toEqual([
      "/api/v2/partnerships",
      "/api/v2/customers",
      "/api/v2/actions",
    ]);
    for (const step of steps) {
      expect(step.curl, "the secret is never written out").not.toContain(key.secret);
      const args = curlArguments(step.curl, { ACTIONBOARD_SECRET_KEY: key.secret });
      const request = requestOf(args);
      expect(request.url).toBe(`https://actionboard.example.com${step.path}`);
      expect(JSON.parse(args[args.indexOf("-d") + 1])).toEqual(step.body);
      const response = await ROUTES[step.path].on(db)(request, {
        params: Promise.resolve({} as never),
      });
      const text = await response.text();
      expect(response.status, `${step.title}: ${text}`).toBe(200);
    }

    const partnership = await db.prisma.partnership.findFirstOrThrow({
      where: { programId: program.id },
      include: { group: true },
    });
    expect(partnership.group.key).toBe("default");

    const view = await loadView(postgresTabSources(db), program, { timeframe: "any_time" });
    const summary = await getSummary(view.scope);
    expect(summary.current).toMatchObject({ occurrences: 1, partners: 1, customers: 1 });

    // The action's line again is a replay (its key), not a second action.
    const last = steps[steps.length - 1];
    const again = requestOf(curlArguments(last.curl, { ACTIONBOARD_SECRET_KEY: key.secret }));
    const replay = await actionsRoute.POST.on(db)(again, { params: Promise.resolve({} as never) });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.prisma.action.count({ where: { programId: program.id } })).toBe(1);
  });

  it("reads the public key from the environment when none is given", async () => {
    const [first] = firstActionSteps("http://127.0.0.1:3000");
    const args = curlArguments(first.curl, {
      ACTIONBOARD_PUBLIC_KEY: "pk_test_x",
      ACTIONBOARD_SECRET_KEY: "it's a secret",
    });
    expect(args.slice(0, 2)).toEqual(["-u", "pk_test_x:it's a secret"]);
    expect(args[args.length - 1]).toBe("http://127.0.0.1:3000/api/v2/partnerships");
  });
});
