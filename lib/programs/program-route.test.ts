import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMember, createProgram } from "../testing/factories";
import { signedIn } from "../testing/signed-in";
import { postgresTabSources } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { programRoute } from "./program-route";
import { canViewAuditLog } from "./roles";

describe.each(inject("engines"))("programRoute, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const ran: string[] = [];
  // Answers who it let in, over which database and engine.
  const route = programRoute<{ slug: string; file: string }>(
    async (request, { program, role, user, params, db: database, prisma, sources }) => {
      ran.push(params.file);
      const { analytics, db: counted } = await sources();
      return Response.json({
        program: program.slug,
        role,
        user: user.id,
        file: params.file,
        path: new URL(request.url).pathname,
        sameDatabase: database === db && prisma === db.prisma && counted === db,
        engine: analytics.engine.name,
      });
    },
  );
  const ownersOnly = programRoute(async () => new Response("ok"), { allow: canViewAuditLog });
  const get = (slug: string, file = "x.csv") =>
    route.on(db, postgresTabSources(db))(new Request(`http://localhost/p/${slug}/${file}`), {
      params: Promise.resolve({ slug, file }),
    });

  it("lets a member in with the route's segments, the database and the sources", async () => {
    const program = await createProgram(db.prisma);
    const viewer = await createMember(db.prisma, program.id, "viewer");
    signedIn.user = viewer;
    const response = await get(program.slug, "table.csv");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      program: program.slug,
      role: "viewer",
      user: viewer.id,
      file: "table.csv",
      path: `/p/${program.slug}/table.csv`,
      sameDatabase: true,
      engine: "postgres",
    });
  });

  it("answers an unknown program 404, a non-member 403 and a signed-out visitor with sign-in, before it runs", async () => {
    const program = await createProgram(db.prisma);
    const other = await createProgram(db.prisma);
    ran.length = 0;
    signedIn.user = await createMember(db.prisma, other.id, "owner");
    await expect(get("no-such-program", "a.csv")).rejects.toThrow(/404/);
    // (Outside a Next request, `forbidden()` throws its own explanation instead of the 403 signal.)
    await expect(get(program.slug, "b.csv")).rejects.toThrow(/403|forbidden/);
    signedIn.user = null;
    await expect(get(program.slug, "c.csv")).rejects.toThrow(/NEXT_REDIRECT/);
    expect(ran).toEqual([]);
  });

  it("refuses a role that `allow` does not take with 403", async () => {
    const program = await createProgram(db.prisma);
    const call = () =>
      ownersOnly.on(db)(new Request(`http://localhost/p/${program.slug}`), {
        params: Promise.resolve({ slug: program.slug }),
      });
    signedIn.user = await createMember(db.prisma, program.id, "manager");
    await expect(call()).rejects.toThrow(/403|forbidden/);
    signedIn.user = await createMember(db.prisma, program.id, "owner");
    expect(await (await call()).text()).toBe("ok");
  });
});
