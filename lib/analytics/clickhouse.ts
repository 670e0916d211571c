import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import {
  createClient,
  type ClickHouseClient,
  type ClickHouseClientConfigOptions,
} from "@clickhouse/client";
import type { ClickHouseTarget } from "./analytics-target";
import type { ChSql } from "./ch-sql";

/** One ClickHouse database, embedded or remote, behind the official client. */
export interface ClickHouse {
  database: string;
  query<T>(sql: ChSql): Promise<T[]>;
  /**
   * A query with a LIMIT, and how many rows it would have returned without it, as ClickHouse
   * counts them while it runs (the statement must set `exact_rows_before_limit = 1`).
   */
  queryCounted<T>(sql: ChSql): Promise<{ rows: T[]; rowsBeforeLimit: number }>;
  command(sql: ChSql): Promise<void>;
  insert(table: string, rows: Record<string, unknown>[]): Promise<void>;
  /** A query's rows as CSV bytes written by ClickHouse itself (`FORMAT CSV`), streamed. */
  csv(sql: ChSql): AsyncGenerator<Uint8Array>;
  close(): Promise<void>;
}

/** Test hook: every statement the query module sends, with its parameters. */
type StatementListener = (query: string, params: Record<string, unknown>) => void;
const listeners = new Set<StatementListener>();
export function onClickHouseStatement(listener: StatementListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function connect(target: ClickHouseTarget) {
  if (target.engine === "chdb") {
    // Loaded only when configured: the engine is a 500 MB native library.
    const { createChdbConnection } = await import("chdb/connection");
    // chdb types its connection against the older @clickhouse/client-common: same shape.
    const connection = createChdbConnection({ path: target.path }) as unknown as NonNullable<
      ClickHouseClientConfigOptions["connection"]
    >;
    return createClient({ connection });
  }
  return createClient({
    url: target.url,
    username: target.username,
    password: target.password,
    request_timeout: 120_000,
  });
}

export async function openClickHouse(target: ClickHouseTarget): Promise<ClickHouse> {
  const client: ClickHouseClient = await connect(target);
  const { database } = target;
  const rendered = (sql: ChSql) => {
    const { query, params } = sql.render(database);
    for (const listener of listeners) listener(query, params);
    return { query, query_params: params };
  };
  return {
    database,
    async query<T>(sql: ChSql) {
      const result = await client.query({ ...rendered(sql), format: "JSONEachRow" });
      return result.json<T>();
    },
    async queryCounted<T>(sql: ChSql) {
      const result = await client.query({ ...rendered(sql), format: "JSON" });
      const body = await result.json<T>();
      return { rows: body.data, rowsBeforeLimit: Number(body.rows_before_limit_at_least ?? 0) };
    },
    async command(sql: ChSql) {
      await client.command(rendered(sql));
    },
    async insert(table, rows) {
      if (rows.length === 0) return;
      await client.insert({ table: `${database}.${table}`, values: rows, format: "JSONEachRow" });
    },
    async *csv(sql: ChSql) {
      const { query, query_params } = rendered(sql);
      if (target.engine !== "chdb") {
        const result = await client.exec({
          query: `${query} FORMAT CSV`,
          query_params,
        });
        yield* drain(result.stream);
        return;
      }
      // Embedded chdb hands a result over as one buffer: it writes the file to disk instead, at
      // ClickHouse's speed and in bounded memory, and the download streams it from there.
      const file = path.join(os.tmpdir(), `actionboard-export-${randomUUID()}.csv`);
      if (/['\\]/.test(file)) throw new Error(`Unusable temporary folder: ${file}`);
      try {
        const result = await client.exec({
          query: `${query} INTO OUTFILE '${file}' TRUNCATE FORMAT CSV`,
          query_params,
        });
        for await (const chunk of result.stream) void chunk;
        yield* drain(createReadStream(file, { highWaterMark: 256 * 1024 }));
      } finally {
        await rm(file, { force: true });
      }
    },
    close: () => client.close(),
  };
}

/** A Node stream's chunks; abandoning the loop destroys the stream. */
async function* drain(stream: Readable): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } finally {
    stream.destroy();
  }
}
