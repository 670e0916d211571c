import "server-only";
import type { z } from "zod";
import { apiKeyActor } from "../audit/api-key-actor";
import type { AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { apiResponse } from "./envelope";
import {
  getKeyedRecord,
  listKeyedRecords,
  type KeyedListQuery,
  type KeyedRecord,
  type KeyedRow,
} from "./keyed-record";
import { parseBody, parseInput, searchParamsObject } from "./parse-input";
import { readJsonBody } from "./read-json-body";
import { listResponse } from "./total-count";
import { withApiKey } from "./with-api-key";

// The handlers of keyed records' routes (customers, partnerships), so that each route file only
// says which record, schema and data function it serves.

function capitalized(noun: string) {
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

/** GET a page of records, asked for by a query `query` validates. */
export function listRoute<R extends KeyedRow<K>, O, K extends string>(
  record: KeyedRecord<R, O, K>,
  query: z.ZodType<KeyedListQuery>,
) {
  return withApiKey(async ({ prisma, program, url, request }) => {
    const q = parseInput(query, searchParamsObject(url));
    return listResponse(request, (count) => listKeyedRecords(prisma, record, program.id, q, count));
  });
}

/**
 * POST a new record: the body validated by `body` (unknown fields ignored), stored by `create`
 * (with the key as the actor of any audit entry the write makes).
 */
export function createRoute<
  R extends KeyedRow<K>,
  O extends Record<K, string>,
  K extends string,
  B extends z.ZodObject,
>(
  record: KeyedRecord<R, O, K>,
  body: B,
  create: (
    prisma: PrismaClient,
    programId: number,
    input: z.output<B>,
    actor: AuditActor,
  ) => Promise<O>,
) {
  return withApiKey(async ({ prisma, program, publicKey, request, note }) => {
    const input = parseBody(body, await readJsonBody(request), note.warnings);
    const created = await create(prisma, program.id, input, apiKeyActor(publicKey));
    note.message = `Created ${record.noun} ${created[record.key]}`;
    return apiResponse(created, `${capitalized(record.noun)} created`, { warnings: note.warnings });
  });
}

/** GET one record by the key in its path. */
export function getRoute<R extends KeyedRow<K>, O, K extends string>(record: KeyedRecord<R, O, K>) {
  return withApiKey<Record<K, string>>(async ({ prisma, program, params }) =>
    apiResponse(await getKeyedRecord(prisma, record, program.id, params[record.key])),
  );
}

/** PATCH one record by the key in its path: the body validated by `body`, applied by `update`. */
export function updateRoute<R extends KeyedRow<K>, O, K extends string, B extends z.ZodObject>(
  record: KeyedRecord<R, O, K>,
  body: B,
  update: (
    prisma: PrismaClient,
    programId: number,
    key: string,
    input: z.output<B>,
    actor: AuditActor,
  ) => Promise<O>,
) {
  return withApiKey<Record<K, string>>(
    async ({ prisma, program, publicKey, params, request, note }) => {
      const input = parseBody(body, await readJsonBody(request), note.warnings);
      const key = params[record.key];
      note.message = `Updated ${record.noun} ${key}`;
      return apiResponse(
        await update(prisma, program.id, key, input, apiKeyActor(publicKey)),
        `${capitalized(record.noun)} updated`,
        { warnings: note.warnings },
      );
    },
  );
}
