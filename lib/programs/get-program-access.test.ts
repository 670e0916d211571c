import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addMember, createProgram, createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { getProgramAccess } from "./get-program-access";
import { listMemberPrograms } from "./list-member-programs";

describe.each(inject("engines"))("program access on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("gives members their role, refuses non-members and reports unknown programs", async () => {
    const a = await createProgram(db.prisma, { name: "Alpha" });
    const b = await createProgram(db.prisma, { name: "Beta" });
    const user = await createUser(db.prisma);
    await addMember(db.prisma, a.id, user.id, "manager");

    const access = await getProgramAccess(db.prisma, user.id, a.slug);
    expect(access).toMatchObject({ role: "manager", program: { id: a.id, slug: a.slug } });
    expect(await getProgramAccess(db.prisma, user.id, b.slug)).toBe("forbidden");
    expect(await getProgramAccess(db.prisma, user.id, "no-such-program")).toBe("not_found");
  });

  it("lists exactly the programs a user belongs to, by name", async () => {
    const user = await createUser(db.prisma);
    const zeta = await createProgram(db.prisma, { name: "Zeta" });
    const eta = await createProgram(db.prisma, { name: "Eta" });
    await createProgram(db.prisma, { name: "Theta" });
    await addMember(db.prisma, zeta.id, user.id, "viewer");
    await addMember(db.prisma, eta.id, user.id, "owner");
    expect(await listMemberPrograms(db.prisma, user.id)).toEqual([
      { slug: eta.slug, name: "Eta", role: "owner" },
      { slug: zeta.slug, name: "Zeta", role: "viewer" },
    ]);
  });
});
