// npm run admin -- <command> [options] — accounts, programs and members without the app's pages
// (headless installs): create-user, create-program, add-member, set-role, list. See --help.
import { describeTarget, resolveDatabaseTarget } from "../lib/db/connection";
import { migrate, openDatabase } from "../lib/db/open";
import { runAdmin } from "../lib/admin/admin-commands";

const target = resolveDatabaseTarget();
const db = await openDatabase(target);
let code = 1;
try {
  await migrate(db);
  code = await runAdmin(process.argv.slice(2), db.prisma, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} catch (error) {
  console.error(
    `admin: ${describeTarget(target)}: ${error instanceof Error ? error.message : error}`,
  );
} finally {
  await db.close();
}
process.exit(code);
