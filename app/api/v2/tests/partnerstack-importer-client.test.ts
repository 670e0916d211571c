import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { startApiHttpServer, type ApiHttpServer } from "./api-http-server";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import {
  PAGE_SIZE,
  partnerStackClient,
  PartnerStackError,
  retryAfterMs,
} from "@/lib/partnerstack/partnerstack-client";

const keyed = z.object({ key: z.string() });

describe.each(inject("engines"))(
  "the PartnerStack client against another Actionboard, on %s",
  (engine) => {
    let db: TestDatabase;
    let source: ApiHttpServer;
    let fixture: Awaited<ReturnType<typeof seedApiProgram>>;
    const customers = 600;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      fixture = await seedApiProgram(db.prisma);
      await db.prisma.customer.createMany({
        data: Array.from({ length: customers }, (_, i) => ({
          programId: fixture.program.id,
          customerKey: `cus_bulk_${String(i).padStart(4, "0")}`,
          partnershipId: fixture.partnerships.alice.id,
        })),
      });
      source = await startApiHttpServer(db);
    });
    afterAll(async () => {
      await source.close();
      await db.close();
    });
    const keys = () => ({ publicKey: fixture.apiKey.publicKey, secretKey: fixture.apiKey.secret });

    it("walks a list in pages of 250 by starting_after, and resumes from a cursor", async () => {
      const client = partnerStackClient(source.baseUrl, keys(), { allowPrivate: true });
      const pages: { size: number; cursor: string | undefined }[] = [];
      const seen: string[] = [];
      const before = source.requests.length;
      await client.listAll("customers", keyed, {
        onPage: async (items, cursor) => {
          pages.push({ size: items.length, cursor });
          seen.push(...items.map((c) => c.key));
        },
      });
      const stored = await db.prisma.customer.findMany({
        where: { programId: fixture.program.id },
        select: { customerKey: true },
      });
      expect([...seen].sort()).toEqual(stored.map((c) => c.customerKey).sort());
      expect(new Set(seen).size).toBe(seen.length);
      expect(pages.map((p) => p.size)).toEqual(
        [PAGE_SIZE, PAGE_SIZE, stored.length - 2 * PAGE_SIZE].filter((n) => n > 0),
      );
      const asked = source.requests.slice(before).map((r) => new URL(r, "http://x").searchParams);
      expect(asked.map((q) => q.get("limit"))).toEqual(asked.map(() => "250"));
      expect(asked.map((q) => q.get("starting_after"))).toEqual([
        null,
        pages[0].cursor!,
        pages[1].cursor!,
      ]);

      // From the first page's cursor on: the rest, nothing repeated.
      const rest: string[] = [];
      await client.listAll("customers", keyed, {
        after: pages[0].cursor,
        onPage: async (items) => void rest.push(...items.map((c) => c.key)),
      });
      expect(rest).toEqual(seen.slice(PAGE_SIZE));
    });

    it("waits out a 429 for its Retry-After without counting it as a failure", async () => {
      const waits: number[] = [];
      const limited: number[] = [];
      const client = partnerStackClient(source.baseUrl, keys(), {
        allowPrivate: true,
        retries: 0,
        sleep: async (ms) => {
          waits.push(ms);
          await new Promise((resolve) => setTimeout(resolve, 10));
        },
        onRateLimited: (ms) => limited.push(ms),
      });
      source.answerNext(2, 429, { "retry-after": "2" });
      const groups: string[] = [];
      await client.listAll("groups", keyed, {
        onPage: async (items) => void groups.push(...items.map((g) => g.key)),
      });
      expect(waits).toEqual([2000, 2000]);
      expect(limited).toEqual([2000, 2000]);
      expect(groups.sort()).toEqual(
        [fixture.groups.affiliates.key, fixture.groups.resellers.key].sort(),
      );
    });

    it("retries a 500, and names the status of a refusal", async () => {
      const client = partnerStackClient(source.baseUrl, keys(), {
        allowPrivate: true,
        retries: 1,
        sleep: async () => {},
      });
      source.answerNext(1, 503);
      const seen: string[] = [];
      await client.listAll("groups", keyed, {
        onPage: async (i) => void seen.push(...i.map((g) => g.key)),
      });
      expect(seen).toHaveLength(2);

      source.answerNext(2, 502);
      await expect(client.listAll("groups", keyed, { onPage: async () => {} })).rejects.toThrow(
        /answered 502/,
      );
      const wrong = partnerStackClient(
        source.baseUrl,
        { ...keys(), secretKey: "sk_test_wrong" },
        { allowPrivate: true },
      );
      const refusal = await wrong
        .listAll("groups", keyed, { onPage: async () => {} })
        .catch((e) => e);
      expect(refusal).toBeInstanceOf(PartnerStackError);
      expect(refusal.status).toBe(401);
      expect(refusal.message).toMatch(/GET \/api\/v2\/groups answered 401: /);
    });
  },
);

describe("Retry-After", () => {
  it("reads seconds and HTTP dates, capped at five minutes", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs("soon")).toBe(1000);
    expect(retryAfterMs("86400")).toBe(300_000);
    const now = Date.parse("2026-11-26T12:00:00Z");
    expect(retryAfterMs("Thu, 26 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
  });
});
