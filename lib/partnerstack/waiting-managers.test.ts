// PartnerStack managers who are not members (issue 24): an import into an empty program used to
// drop them without a word. Now each partnership keeps the manager's email, the PartnerStack page
// lists them with the partnerships waiting, one step invites them as managers, and joining (by
// invitation or by `add-member`) assigns their partnerships.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { acceptInvitation } from "../invitations/accept-invitation";
import { addMember } from "../programs/add-member";
import { addMember as addMembership, createProgram, createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { inviteWaitingManagers } from "./invite-waiting-managers";
import { listWaitingManagers } from "./list-waiting-managers";
import { sourcePartnership } from "./source-records";
import { storePartnership } from "./store-partnership";

describe.each(inject("engines"))("waiting managers on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("keeps, lists, invites and assigns the managers who are not members", async () => {
    const program = await createProgram(db.prisma);
    const owner = await createUser(db.prisma);
    await addMembership(db.prisma, program.id, owner.id, "owner");
    const member = await createUser(db.prisma, { email: `member-${program.id}@example.test` });
    await addMembership(db.prisma, program.id, member.id, "manager");
    const store = (key: string, manager_email: string | null | undefined) =>
      db.prisma.$transaction((tx) =>
        storePartnership(
          tx,
          program.id,
          sourcePartnership.parse({
            key,
            email: `${key}@p.test`,
            first_name: "P",
            last_name: key,
            manager_email,
          }),
        ),
      );
    await store("p1", "Ana@Source.test");
    await store("p2", "ana@source.test");
    await store("p3", "bo@source.test");
    await store("p4", member.email.toUpperCase());
    await store("p5", null);

    expect(await listWaitingManagers(db.prisma, program.id)).toEqual([
      { email: "ana@source.test", partnerships: 2, invited: false },
      { email: "bo@source.test", partnerships: 1, invited: false },
    ]);
    const p4 = await db.prisma.partnership.findFirstOrThrow({
      where: { programId: program.id, partnerKey: "p4" },
    });
    expect(p4).toMatchObject({ managerUserId: member.id, pendingManagerEmail: null });

    // A later event naming no manager clears the wait; naming a member assigns at once.
    await store("p3", null);
    expect((await listWaitingManagers(db.prisma, program.id)).map((m) => m.email)).toEqual([
      "ana@source.test",
    ]);
    await store("p3", "bo@source.test");

    const actor = { id: owner.id, name: owner.name, email: owner.email };
    const first = await inviteWaitingManagers(db.prisma, program.id, actor);
    expect(first.invited.map((i) => i.email).sort()).toEqual(["ana@source.test", "bo@source.test"]);
    expect((await listWaitingManagers(db.prisma, program.id)).every((m) => m.invited)).toBe(true);
    const again = await inviteWaitingManagers(db.prisma, program.id, actor);
    expect(again).toEqual({ invited: [], alreadyInvited: 2, assigned: 0 });

    // Ana joins by her invitation: her two partnerships are hers, as manager.
    const ana = first.invited.find((i) => i.email === "ana@source.test")!;
    const joined = await acceptInvitation(db.prisma, ana.token, {
      kind: "new",
      name: "Ana",
      password: "tundra-willow-beacon-17",
    });
    expect(joined.ok).toBe(true);
    const anaId = joined.ok ? joined.userId : -1;
    expect(
      await db.prisma.partnership.findMany({
        where: { programId: program.id, partnerKey: { in: ["p1", "p2"] } },
        select: { managerUserId: true, pendingManagerEmail: true },
      }),
    ).toEqual([
      { managerUserId: anaId, pendingManagerEmail: null },
      { managerUserId: anaId, pendingManagerEmail: null },
    ]);
    expect(
      await db.prisma.membership.findUnique({
        where: { programId_userId: { programId: program.id, userId: anaId } },
      }),
    ).toMatchObject({ role: "manager" });

    // Bo gets an account another way and is added by an operator: assigned too.
    const bo = await createUser(db.prisma, { email: "bo@source.test" });
    expect(await addMember(db.prisma, program.id, bo.id, "viewer", { system: "test" })).toEqual({
      ok: true,
    });
    const p3 = await db.prisma.partnership.findFirstOrThrow({
      where: { programId: program.id, partnerKey: "p3" },
    });
    expect(p3).toMatchObject({ managerUserId: bo.id, pendingManagerEmail: null });
    expect(await listWaitingManagers(db.prisma, program.id)).toEqual([]);
  });
});
