// Groups and tags through the API (Actionboard's extension of PartnerStack v2), and the rules they
// set for partnerships: the default group, archived groups and tags. Real Requests to the route
// handlers over each database engine.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as groupRoute from "../groups/[group_key]/route";
import * as groupsRoute from "../groups/route";
import * as partnershipRoute from "../partnerships/[partner_key]/route";
import * as partnershipsRoute from "../partnerships/route";
import * as tagRoute from "../tags/[tag_name]/route";
import * as tagsRoute from "../tags/route";

type Fixture = Awaited<ReturnType<typeof seedApiProgram>>;

const person = (partner_key: string) => ({
  partner_key,
  email: `${partner_key}@p.test`,
  first_name: "Pat",
  last_name: partner_key,
});

describe.each(inject("engines"))("groups and tags through the API on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  /** The API as one program's key calls it. */
  const client = (f: Fixture) => {
    const auth = f.basic;
    const at = (path: string) => path;
    return {
      createGroup: (body: unknown) =>
        callRoute(groupsRoute.POST.on(db), "POST", "/api/v2/groups", { auth, body }),
      listGroups: () => callRoute(groupsRoute.GET.on(db), "GET", "/api/v2/groups", { auth }),
      updateGroup: (key: string, body: unknown) =>
        callRoute(
          groupRoute.PATCH.on(db),
          "PATCH",
          at(`/api/v2/groups/${encodeURIComponent(key)}`),
          {
            auth,
            body,
            params: { group_key: key },
          },
        ),
      createTag: (body: unknown) =>
        callRoute(tagsRoute.POST.on(db), "POST", "/api/v2/tags", { auth, body }),
      listTags: () => callRoute(tagsRoute.GET.on(db), "GET", "/api/v2/tags", { auth }),
      updateTag: (name: string, body: unknown) =>
        callRoute(tagRoute.PATCH.on(db), "PATCH", `/api/v2/tags/${encodeURIComponent(name)}`, {
          auth,
          body,
          params: { tag_name: name },
        }),
      createPartnership: (body: unknown) =>
        callRoute(partnershipsRoute.POST.on(db), "POST", "/api/v2/partnerships", { auth, body }),
      updatePartnership: (key: string, body: unknown) =>
        callRoute(partnershipRoute.PATCH.on(db), "PATCH", `/api/v2/partnerships/${key}`, {
          auth,
          body,
          params: { partner_key: key },
        }),
    };
  };

  const audit = (programId: number) =>
    db.prisma.auditEvent.findMany({
      where: { programId },
      orderBy: { id: "asc" },
      select: { kind: true, actorLabel: true, actorUserId: true, summary: true, details: true },
    });
  const partnershipCount = (programId: number) =>
    db.prisma.partnership.count({ where: { programId } });

  it("creates groups with a derived or given key, refuses duplicate keys and names, and audits", async () => {
    const f = await seedApiProgram(db.prisma);
    const api = client(f);

    const derived = await api.createGroup({ name: "  Resellers EU " });
    expect(derived.status).toBe(200);
    expect(derived.json).toMatchObject({ message: "Group created", status: 200 });
    expect(derived.json.data).toEqual({
      key: "resellers-eu",
      name: "Resellers EU",
      slug: "resellers-eu",
      archived: false,
      created_at: expect.any(Number),
    });

    const given = await api.createGroup({ key: "grp_partners_x", name: "Partners X" });
    expect(given.json.data).toMatchObject({ key: "grp_partners_x", name: "Partners X" });

    // The key "affiliates" is taken, but the name "Affiliates!" is free: a suffix is added.
    const suffixed = await api.createGroup({ name: "Affiliates!" });
    expect(suffixed.status).toBe(200);
    expect(suffixed.json.data.key).toMatch(/^affiliates-[0-9a-f]{6}$/);

    const sameKey = await api.createGroup({ key: "grp_partners_x", name: "Other name" });
    expect(sameKey.status).toBe(409);
    expect(sameKey.json.errors).toEqual([
      { field: "key", message: expect.stringContaining("grp_partners_x") },
    ]);

    const sameName = await api.createGroup({ name: "resellers eu" });
    expect(sameName.status).toBe(409);
    expect(sameName.json.errors).toEqual([
      { field: "name", message: expect.stringContaining("resellers eu") },
    ]);

    const noName = await api.createGroup({ key: "k" });
    expect(noName.status).toBe(422);
    expect(noName.json.errors).toEqual([{ field: "name", message: "name is required" }]);

    const listed = await api.listGroups();
    expect(listed.json.data.items.map((g: { key: string }) => g.key).sort()).toEqual(
      ["affiliates", "grp_partners_x", "resellers", "resellers-eu", suffixed.json.data.key].sort(),
    );

    expect(await audit(f.program.id)).toEqual(
      ["resellers-eu", "grp_partners_x", suffixed.json.data.key].map((key) => ({
        kind: "groups.created",
        actorLabel: `API key ${f.apiKey.publicKey}`,
        actorUserId: null,
        summary: expect.stringContaining(`(key ${key})`),
        details: { key, name: expect.any(String) },
      })),
    );
  });

  it("renames, archives and restores a group; an archived group takes no new partnerships", async () => {
    const f = await seedApiProgram(db.prisma);
    const api = client(f);

    const renamed = await api.updateGroup("resellers", { name: "Resellers (old)" });
    expect(renamed.json.data).toMatchObject({
      key: "resellers",
      name: "Resellers (old)",
      archived: false,
    });
    const clash = await api.updateGroup("resellers", { name: "AFFILIATES" });
    expect(clash.status).toBe(409);
    expect(clash.json.errors[0].field).toBe("name");

    const archived = await api.updateGroup("resellers", { archived: true });
    expect(archived.json.data).toMatchObject({ key: "resellers", archived: true });
    // Its partnership stays in it, and says so.
    const bob = await db.prisma.partnership.findFirstOrThrow({
      where: { programId: f.program.id, partnerKey: "ptn_bob" },
      include: { group: true },
    });
    expect(bob.group.key).toBe("resellers");

    const before = await partnershipCount(f.program.id);
    for (const [field, body] of [
      ["group", { ...person("ptn_new"), group: "resellers" }],
      ["group_key", { ...person("ptn_new"), group_key: "resellers" }],
    ] as const) {
      const refused = await api.createPartnership(body);
      expect(refused.status, field).toBe(422);
      expect(refused.json.errors, field).toEqual([
        { field, message: 'group "resellers" is archived: it takes no new partnerships' },
      ]);
    }
    expect(await partnershipCount(f.program.id)).toBe(before);

    // Moving another partnership into it is refused; the one already in it may stay and change.
    const moved = await api.updatePartnership("ptn_alice", { group: "resellers" });
    expect(moved.status).toBe(422);
    expect(moved.json.errors[0].field).toBe("group");
    const stays = await api.updatePartnership("ptn_bob", { group: "resellers", first_name: "Bo" });
    expect(stays.status).toBe(200);
    expect(stays.json.data).toMatchObject({ first_name: "Bo", group: { key: "resellers" } });

    const restored = await api.updateGroup("resellers", { archived: false });
    expect(restored.json.data.archived).toBe(false);
    const joins = await api.createPartnership({ ...person("ptn_new"), group_key: "resellers" });
    expect(joins.status).toBe(200);
    expect(joins.json.data.group).toEqual({ key: "resellers", name: "Resellers (old)" });

    // Archiving twice changes nothing and writes no second entry.
    await api.updateGroup("resellers", { archived: true });
    await api.updateGroup("resellers", { archived: true });
    expect((await audit(f.program.id)).map((e) => [e.kind, e.summary])).toEqual([
      ["groups.updated", 'Renamed group "Resellers" to "Resellers (old)"'],
      ["groups.archived", 'Archived group "Resellers (old)"'],
      ["groups.updated", 'Restored group "Resellers (old)"'],
      ["groups.archived", 'Archived group "Resellers (old)"'],
    ]);

    const unknown = await api.updateGroup("ghost", { name: "x" });
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors).toEqual([{ field: "group_key", message: 'unknown group "ghost"' }]);
    const empty = await api.updateGroup("resellers", {});
    expect(empty.status).toBe(422);
    const badArchived = await api.updateGroup("resellers", { archived: "yes" });
    expect(badArchived.status).toBe(422);
    expect(badArchived.json.errors[0].field).toBe("archived");
  });

  it("puts a partnership that names no group into the default group, or refuses naming group_key", async () => {
    const f = await seedApiProgram(db.prisma);
    const api = client(f);

    // The fixture's program, like one imported from PartnerStack, has no group with key "default".
    const refused = await api.createPartnership(person("ptn_x"));
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([
      { field: "group_key", message: expect.stringContaining('no default group (key "default")') },
    ]);
    expect(await partnershipCount(f.program.id)).toBe(2);

    const made = await api.createGroup({ key: "default", name: "Default" });
    expect(made.status).toBe(200);
    const joined = await api.createPartnership(person("ptn_x"));
    expect(joined.status).toBe(200);
    expect(joined.json.data.group).toEqual({ key: "default", name: "Default" });

    await api.updateGroup("default", { archived: true });
    const archivedDefault = await api.createPartnership(person("ptn_y"));
    expect(archivedDefault.status).toBe(422);
    expect(archivedDefault.json.errors[0]).toMatchObject({
      field: "group_key",
      message: expect.stringContaining("archived"),
    });

    // An update that names no group leaves the partnership where it is.
    const kept = await api.updatePartnership("ptn_alice", { last_name: "Kept" });
    expect(kept.json.data.group.key).toBe("affiliates");

    const differ = await api.createPartnership({
      ...person("ptn_z"),
      group: "affiliates",
      group_key: "resellers",
    });
    expect(differ.status).toBe(422);
    expect(differ.json.errors[0].field).toBe("group_key");
    const same = await api.createPartnership({
      ...person("ptn_z"),
      group: "affiliates",
      group_key: "affiliates",
    });
    expect(same.json.data.group.key).toBe("affiliates");
  });

  it("creates, renames and archives tags; archived tags stay but cannot be newly assigned", async () => {
    const f = await seedApiProgram(db.prisma);
    const api = client(f);

    expect((await api.createTag({ name: "EMEA / North" })).json.data).toEqual({
      name: "EMEA / North",
      archived: false,
    });
    expect((await api.createTag({ name: "vip" })).status).toBe(200);
    const duplicate = await api.createTag({ name: "vip" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.errors).toEqual([
      { field: "name", message: 'a tag named "vip" already exists' },
    ]);
    expect((await api.createTag({})).json.errors).toEqual([
      { field: "name", message: "name is required" },
    ]);

    // A name with a slash and a space, addressed percent-encoded.
    const renamed = await api.updateTag("EMEA / North", { name: "EMEA" });
    expect(renamed.json.data).toEqual({ name: "EMEA", archived: false });
    const clash = await api.updateTag("EMEA", { name: "vip" });
    expect(clash.status).toBe(409);
    expect(clash.json.errors[0].field).toBe("name");

    const tagged = await api.updatePartnership("ptn_alice", { tags: ["vip", "EMEA"] });
    expect(tagged.json.data.tags).toEqual(["EMEA", "vip"]);
    expect((await api.updateTag("vip", { archived: true })).json.data).toEqual({
      name: "vip",
      archived: true,
    });

    // Still on Alice, listed, and kept when her tags are rewritten with it.
    const listed = await api.listTags();
    expect(listed.json.data.items).toEqual([
      { name: "EMEA", archived: false },
      { name: "vip", archived: true },
    ]);
    const keeps = await api.updatePartnership("ptn_alice", { tags: ["vip"] });
    expect(keeps.status).toBe(200);
    expect(keeps.json.data.tags).toEqual(["vip"]);

    // Not given to anyone else, on create or update; nothing stored by the refusal.
    const before = await partnershipCount(f.program.id);
    const create = await api.createPartnership({
      ...person("ptn_t"),
      group: "affiliates",
      tags: ["vip", "new-one"],
    });
    expect(create.status).toBe(422);
    expect(create.json.errors).toEqual([
      { field: "tags", message: 'tag "vip" is archived: it cannot be assigned' },
    ]);
    expect(await partnershipCount(f.program.id)).toBe(before);
    expect(await db.prisma.tag.count({ where: { programId: f.program.id, name: "new-one" } })).toBe(
      0,
    );
    const update = await api.updatePartnership("ptn_bob", { tags: ["vip"] });
    expect(update.status).toBe(422);
    expect(update.json.errors[0].field).toBe("tags");

    const unknown = await api.updateTag("ghost", { archived: true });
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors).toEqual([{ field: "tag_name", message: 'unknown tag "ghost"' }]);

    // A tag a partnership names first is created, and audited like one made on its own.
    expect((await api.updatePartnership("ptn_bob", { tags: ["fresh"] })).status).toBe(200);

    const key = `API key ${f.apiKey.publicKey}`;
    expect((await audit(f.program.id)).map((e) => [e.kind, e.actorLabel, e.summary])).toEqual([
      ["tags.created", key, 'Created tag "EMEA / North"'],
      ["tags.created", key, 'Created tag "vip"'],
      ["tags.updated", key, 'Renamed tag "EMEA / North" to "EMEA"'],
      ["tags.archived", key, 'Archived tag "vip"'],
      ["tags.created", key, 'Created tag "fresh" (named by a partnership)'],
    ]);
  });

  it("never reaches another program's groups and tags", async () => {
    const a = await seedApiProgram(db.prisma);
    const b = await seedApiProgram(db.prisma);
    await db.prisma.tag.create({ data: { programId: b.program.id, name: "b-only" } });
    const snapshot = async () => ({
      groups: await db.prisma.group.findMany({
        where: { programId: b.program.id },
        orderBy: { id: "asc" },
      }),
      tags: await db.prisma.tag.findMany({
        where: { programId: b.program.id },
        orderBy: { id: "asc" },
      }),
      audit: await audit(b.program.id),
    });
    // Both programs have a group "resellers": B's has its own key space, so make one only B has.
    await db.prisma.group.create({
      data: { programId: b.program.id, key: "b-group", name: "B group", slug: "b-group" },
    });
    const before = await snapshot();
    const api = client(a);

    expect((await api.updateGroup("b-group", { archived: true })).status).toBe(404);
    expect((await api.updateTag("b-only", { name: "mine" })).status).toBe(404);
    const join = await api.createPartnership({ ...person("ptn_a"), group: "b-group" });
    expect(join.status).toBe(422);
    expect(join.json.errors[0]).toEqual({ field: "group", message: 'unknown group "b-group"' });
    // A's same-named group and tag are A's own: creating them does not collide with B's.
    expect((await api.createGroup({ key: "b-group", name: "B group" })).status).toBe(200);
    expect((await api.createTag({ name: "b-only" })).status).toBe(200);
    const listed = await api.listTags();
    expect(listed.json.data.items).toEqual([{ name: "b-only", archived: false }]);

    expect(await snapshot()).toEqual(before);
  });
});
