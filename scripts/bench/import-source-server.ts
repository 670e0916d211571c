// The source side of `npm run bench:import`, as its own process (its own core): the app's v2 list
// route handlers over the source database, on a local port. Prints the base URL as its result
// line, then serves until its parent closes stdin or signals it.
import { startApiHttpServer } from "../../app/api/v2/tests/api-http-server";
import { openDatabase } from "../../lib/db/open";

const url = process.argv[2];
if (!url) throw new Error("usage: import-source-server.ts <postgresql url>");
const db = await openDatabase({ engine: "postgres", url });
const server = await startApiHttpServer(db);
const stop = async () => {
  await server.close();
  await db.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.stdin.on("close", () => void stop());
process.stdin.resume();
process.stdout.write(`@@source ${server.baseUrl}\n`);
