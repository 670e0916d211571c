import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createProgram as createRealProgram } from "@/lib/programs/create-program";
import { createMember, createProgram, createUser } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import {
  archiveGroupAction,
  archiveTagAction,
  createGroupAction,
  createTagAction,
  renameGroupAction,
  renameTagAction,
} from "./actions";

// The actions run as in the app: membership and role from the database, only the session is the
// stand-in of lib/testing/request-stand-ins.ts.
const session = signedIn;
const idle = { status: "idle" } as const;

describe.each(inject("engines"))("the Groups and tags page's actions, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const rows = (programId: number) =>
    Promise.all([
      db.prisma.group.findMany({ where: { programId }, orderBy: { id: "asc" } }),
      db.prisma.tag.findMany({ where: { programId }, orderBy: { id: "asc" } }),
      db.prisma.auditEvent.findMany({ where: { programId }, orderBy: { id: "asc" } }),
    ]);

  /** A program made as the app makes one (with its default group), and a member of it. */
  async function programWith(role: "owner" | "manager" | "viewer") {
    const owner = await createUser(db.prisma);
    const suffix = Math.random().toString(36).slice(2, 10);
    const made = await createRealProgram(
      db.prisma,
      { name: `P ${suffix}`, slug: `p-${suffix}`, timezone: "UTC", currency: "USD" },
      owner.id,
    );
    if (!made.ok) throw new Error(made.message);
    const user = await createMember(db.prisma, made.program.id, role);
    return { program: made.program, user };
  }

  it("lets a manager create, rename, archive and restore a group, each audited under their name", async () => {
    const { program, user } = await programWith("manager");
    session.user = user;
    const slug = program.slug;

    const created = await createGroupAction.on(db)(
      slug,
      idle,
      formData({ name: " Resellers ", key: "" }),
    );
    expect(created).toEqual({ status: "done", message: "Created “Resellers” (key resellers)." });
    const group = await db.prisma.group.findFirstOrThrow({
      where: { programId: program.id, key: "resellers" },
    });

    expect(
      await createGroupAction.on(db)(slug, idle, formData({ name: "RESELLERS", key: "" })),
    ).toEqual({
      status: "error",
      field: "name",
      message: 'a group named "RESELLERS" already exists',
    });
    expect(
      await createGroupAction.on(db)(slug, idle, formData({ name: "Other", key: "default" })),
    ).toMatchObject({ status: "error", field: "key" });
    expect(await createGroupAction.on(db)(slug, idle, formData({ name: "  ", key: "" }))).toEqual({
      status: "error",
      field: "name",
      message: "Name the group",
    });

    const id = String(group.id);
    expect(await renameGroupAction.on(db)(slug, idle, formData({ id, name: "Resale" }))).toEqual({
      status: "done",
      message: "Renamed to “Resale”.",
    });
    expect(
      await renameGroupAction.on(db)(slug, idle, formData({ id, name: "default" })),
    ).toMatchObject({ status: "error", field: "name" });
    expect(await archiveGroupAction.on(db)(slug, idle, formData({ id, archived: "true" }))).toEqual(
      { status: "done", message: "Archived." },
    );
    expect(
      await archiveGroupAction.on(db)(slug, idle, formData({ id, archived: "false" })),
    ).toEqual({ status: "done", message: "Restored." });

    const [groups, , audit] = await rows(program.id);
    expect(groups.map((g) => [g.key, g.name, g.archivedAt])).toEqual([
      ["default", "Default", null],
      ["resellers", "Resale", null],
    ]);
    expect(audit.map((e) => [e.kind, e.actorUserId, e.actorLabel])).toEqual(
      ["groups.created", "groups.updated", "groups.archived", "groups.updated"].map((kind) => [
        kind,
        user.id,
        `${user.name} <${user.email}>`,
      ]),
    );
  });

  it("lets an owner create, rename and archive tags; duplicate names are refused", async () => {
    const { program, user } = await programWith("owner");
    session.user = user;
    const slug = program.slug;

    expect(await createTagAction.on(db)(slug, idle, formData({ name: "EMEA" }))).toEqual({
      status: "done",
      message: "Created tag “EMEA”.",
    });
    expect(await createTagAction.on(db)(slug, idle, formData({ name: "vip" }))).toMatchObject({
      status: "done",
    });
    expect(await createTagAction.on(db)(slug, idle, formData({ name: "vip" }))).toEqual({
      status: "error",
      field: "name",
      message: 'a tag named "vip" already exists',
    });
    const emea = await db.prisma.tag.findFirstOrThrow({
      where: { programId: program.id, name: "EMEA" },
    });
    const id = String(emea.id);
    expect(await renameTagAction.on(db)(slug, idle, formData({ id, name: "vip" }))).toMatchObject({
      status: "error",
      field: "name",
    });
    expect(await renameTagAction.on(db)(slug, idle, formData({ id, name: "Europe" }))).toEqual({
      status: "done",
      message: "Renamed to “Europe”.",
    });
    expect(await archiveTagAction.on(db)(slug, idle, formData({ id, archived: "true" }))).toEqual({
      status: "done",
      message: "Archived.",
    });

    const [, tags, audit] = await rows(program.id);
    expect(tags.map((t) => [t.name, t.archivedAt !== null])).toEqual([
      ["Europe", true],
      ["vip", false],
    ]);
    expect(audit.map((e) => e.kind)).toEqual([
      "tags.created",
      "tags.created",
      "tags.updated",
      "tags.archived",
    ]);
  });

  it("refuses viewers every change, with a message, and changes nothing", async () => {
    const { program, user } = await programWith("viewer");
    session.user = user;
    const slug = program.slug;
    const group = await db.prisma.group.findFirstOrThrow({ where: { programId: program.id } });
    const tag = await db.prisma.tag.create({ data: { programId: program.id, name: "t" } });
    const before = await rows(program.id);
    const refusal = {
      status: "error",
      message: "Only owners and managers can change groups and tags.",
    };
    const g = String(group.id);
    const t = String(tag.id);
    const calls = [
      createGroupAction.on(db)(slug, idle, formData({ name: "New", key: "" })),
      renameGroupAction.on(db)(slug, idle, formData({ id: g, name: "New" })),
      archiveGroupAction.on(db)(slug, idle, formData({ id: g, archived: "true" })),
      createTagAction.on(db)(slug, idle, formData({ name: "new" })),
      renameTagAction.on(db)(slug, idle, formData({ id: t, name: "new" })),
      archiveTagAction.on(db)(slug, idle, formData({ id: t, archived: "true" })),
    ];
    for (const answer of await Promise.all(calls)) expect(answer).toEqual(refusal);
    expect(await rows(program.id)).toEqual(before);
  });

  it("cannot reach another program's groups or tags by id", async () => {
    const { program, user } = await programWith("owner");
    session.user = user;
    const other = await createProgram(db.prisma);
    const theirGroup = await db.prisma.group.create({
      data: { programId: other.id, key: "theirs", name: "Theirs", slug: "theirs" },
    });
    const theirTag = await db.prisma.tag.create({ data: { programId: other.id, name: "theirs" } });
    const before = await rows(other.id);
    const g = String(theirGroup.id);
    const t = String(theirTag.id);
    const slug = program.slug;
    expect(await renameGroupAction.on(db)(slug, idle, formData({ id: g, name: "Mine" }))).toEqual({
      status: "error",
      field: "id",
      message: "No such group in this program.",
    });
    expect(
      await archiveGroupAction.on(db)(slug, idle, formData({ id: g, archived: "true" })),
    ).toMatchObject({ status: "error", field: "id" });
    expect(await renameTagAction.on(db)(slug, idle, formData({ id: t, name: "mine" }))).toEqual({
      status: "error",
      field: "id",
      message: "No such tag in this program.",
    });
    expect(
      await archiveTagAction.on(db)(slug, idle, formData({ id: t, archived: "true" })),
    ).toMatchObject({ status: "error", field: "id" });
    for (const id of ["abc", "0", "99999999999", "1.5"]) {
      expect(await renameGroupAction.on(db)(slug, idle, formData({ id, name: "x" })), id).toEqual({
        status: "error",
        field: "id",
        message: "No such group.",
      });
    }
    expect(await rows(other.id)).toEqual(before);
  });

  it("gives two simultaneous creates of one group name one group and one refusal", async () => {
    const { program, user } = await programWith("owner");
    session.user = user;
    const create = () =>
      createGroupAction.on(db)(program.slug, idle, formData({ name: "Twins", key: "" }));
    const answers = await Promise.all([create(), create()]);
    expect(answers.map((a) => a.status).sort()).toEqual(["done", "error"]);
    expect(await db.prisma.group.count({ where: { programId: program.id, name: "Twins" } })).toBe(
      1,
    );
  });
});
