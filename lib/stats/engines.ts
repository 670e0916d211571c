// The two engines, for whoever builds one over a source of its own (a test's database, a
// benchmark's ClickHouse). The server's engine comes from choose-engine.ts.
export { clickhouseTabEngine } from "./clickhouse/clickhouse-engine";
export { postgresTabEngine } from "./postgres/postgres-engine";
