import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { apiResponse } from "./envelope";
import { getKeyedRecord, type KeyedRecord } from "./keyed-record";
import { parseInput, searchParamsObject } from "./parse-input";
import { readJsonBody } from "./read-json-body";
import { withApiKey } from "./with-api-key";

// The handlers the routes of keyed records (customers, partnerships) share, so that each route
// file only says which schema and data function it serves.

function capitalized(noun: string) {
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

/** GET a list: the query validated by `query`, the page from `list`. */
export function listRoute<Q extends z.ZodType>(
  query: Q,
  list: (prisma: PrismaClient, programId: number, q: z.output<Q>) => Promise<unknown>,
) {
  return withApiKey(async ({ prisma, program, url }) =>
    apiResponse(await list(prisma, program.id, parseInput(query, searchParamsObject(url)))),
  );
}

/** POST a new record: the body validated by `body`, stored by `create`. */
export function createRoute<Row, Output extends { key: string }, B extends z.ZodType>(
  record: KeyedRecord<Row, Output>,
  body: B,
  create: (prisma: PrismaClient, programId: number, input: z.output<B>) => Promise<Output>,
) {
  return withApiKey(async ({ prisma, program, request, note }) => {
    const input = parseInput(body, await readJsonBody(request));
    const created = await create(prisma, program.id, input);
    note.message = `Created ${record.noun} ${created.key}`;
    return apiResponse(created, `${capitalized(record.noun)} created`);
  });
}

/** GET one record by the key in its path. */
export function getRoute<Row, Output, K extends string>(record: KeyedRecord<Row, Output, K>) {
  return withApiKey<Record<K, string>>(async ({ prisma, program, params }) =>
    apiResponse(await getKeyedRecord(prisma, record, program.id, params[record.key])),
  );
}

/** PATCH one record by the key in its path: the body validated by `body`, applied by `update`. */
export function updateRoute<Row, Output, K extends string, B extends z.ZodType>(
  record: KeyedRecord<Row, Output, K>,
  body: B,
  update: (
    prisma: PrismaClient,
    programId: number,
    key: string,
    input: z.output<B>,
  ) => Promise<Output>,
) {
  return withApiKey<Record<K, string>>(async ({ prisma, program, params, request, note }) => {
    const input = parseInput(body, await readJsonBody(request));
    const key = params[record.key];
    note.message = `Updated ${record.noun} ${key}`;
    return apiResponse(
      await update(prisma, program.id, key, input),
      `${capitalized(record.noun)} updated`,
    );
  });
}
