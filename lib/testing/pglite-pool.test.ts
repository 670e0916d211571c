import { describe, expect, it } from "vitest";
import { giveBackPglite, takePglite } from "./pglite-pool";

const countUsers = async (pglite: Awaited<ReturnType<typeof takePglite>>) =>
  (await pglite.query<{ n: number }>("SELECT count(*)::int AS n FROM users")).rows[0].n;

describe("PGlite test databases handed from one test to the next", () => {
  it("come back empty, with ids from 1 and no session state", async () => {
    const first = await takePglite();
    await first.exec(
      "INSERT INTO users (email, name, password_hash) VALUES ('a@example.test', 'A', 'x'), ('b@example.test', 'B', 'x')",
    );
    await first.exec("CREATE TEMP TABLE scratch (a int); SET TIME ZONE 'Asia/Tokyo'; BEGIN");
    await giveBackPglite(first);

    const next = await takePglite();
    expect(next).toBe(first);
    expect(await countUsers(next)).toBe(0);
    const { rows } = await next.query<{ id: number }>(
      "INSERT INTO users (email, name, password_hash) VALUES ('c@example.test', 'C', 'x') RETURNING id",
    );
    expect(rows[0].id).toBe(1);
    expect((await next.query<{ tz: string }>("SHOW TIME ZONE")).rows[0].tz).not.toBe("Asia/Tokyo");
    await expect(next.query("SELECT * FROM scratch")).rejects.toThrow(/scratch/);
    await giveBackPglite(next);
  });

  it("are closed, never handed on, when a test changed the schema or the migrations", async () => {
    for (const change of [
      "CREATE TABLE extra (a int)",
      "ALTER TABLE users ADD COLUMN extra int",
      "DROP TRIGGER actions_outbox_insert ON actions",
      "ALTER TABLE actions DISABLE TRIGGER actions_outbox_update",
      `DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`,
    ]) {
      const changed = await takePglite();
      await changed.exec(change);
      await giveBackPglite(changed);
      expect(changed.closed, change).toBe(true);
      const next = await takePglite();
      expect(next, change).not.toBe(changed);
      await giveBackPglite(next);
    }
  });

  it("are closed when the test closed them or left them unusable", async () => {
    const closed = await takePglite();
    await closed.close();
    await giveBackPglite(closed);
    expect(await takePglite()).not.toBe(closed);
  });
});
