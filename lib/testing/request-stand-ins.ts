import { afterAll, vi } from "vitest";
import { environmentRestorer } from "@/lib/config/config.mjs";
import { createLogger, replaceLogger } from "@/lib/observability/logger.mjs";

// What only a request has, for every test file (vitest setupFiles).

// Tests hand their own database to every edge (`.on(db)`) and data function (first parameter);
// reaching for the server's database instead would open a stray one, so it fails loudly.
vi.mock("@/lib/db/client", () => ({
  getDatabase: () => {
    throw new Error("getDatabase() in a test: pass the test's database (`.on(db)` or a parameter)");
  },
}));

// Who is signed in: tests set `signedIn.user` (lib/testing/signed-in.ts); membership and role
// still come from the database.
vi.mock("@/lib/auth/get-current-user", async () => (await import("./signed-in")).signedInModule());

// Next's cache revalidation needs a request; server actions call it after a change.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

// The server's log keeps its warnings and errors in a test's output, not a line per request or
// background run (a test that reads the log captures its own: lib/testing/capture-log.ts).
replaceLogger(createLogger({ level: "warn" }));

// Files share a worker process (isolate: false): each gets the environment the previous one found.
afterAll(environmentRestorer());
