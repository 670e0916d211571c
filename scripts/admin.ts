// npm run admin -- <command> [options] — accounts, programs and members without the app's pages
// (headless installs): create-user, create-program, add-member, set-role, list. See --help.
import { adminCommandList, adminWithoutDatabase } from "../lib/admin/admin-command-line";
import { readCommandLine } from "./lib/command-line.mjs";

const io = {
  out: (line: string) => console.log(line),
  err: (line: string) => console.error(line),
};
const argv = process.argv.slice(2);
// Up to the command's name the line is read here (help, a stray option, no command: exit before
// opening anything); the command's own options by lib/admin, also before the database opens.
if (!argv[0] || argv[0].startsWith("-")) {
  readCommandLine(
    {
      command: "npm run admin",
      summary:
        "Accounts, programs and members without the app's pages (headless installs). Stop the app first when it uses the embedded database.",
      positionals: [
        { name: "command", description: "One of the commands below, then its options." },
      ],
      notes: [
        "Commands:",
        ...adminCommandList(),
        "npm run admin -- <command> --help shows a command's options.",
      ],
    },
    argv.slice(0, 1),
  );
}
const early = adminWithoutDatabase(argv, io);
if (early !== null) process.exit(early);

// The work's modules load after the command line is read: `--help` answers without them.
const { describeTarget, resolveDatabaseTarget } = await import("../lib/db/connection");
const { migrate, openDatabase } = await import("../lib/db/open");
const { runAdmin } = await import("../lib/admin/admin-commands");

const target = resolveDatabaseTarget();
const db = await openDatabase(target);
let code = 1;
try {
  await migrate(db);
  code = await runAdmin(argv, db.prisma, io);
} catch (error) {
  console.error(
    `admin: ${describeTarget(target)}: ${error instanceof Error ? error.message : error}`,
  );
} finally {
  await db.close();
}
process.exit(code);
