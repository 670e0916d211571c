import { vi } from "vitest";

// Tests hand their own database to every edge (`.on(db)`) and data function (first parameter);
// reaching for the server's database instead would open a stray one, so it fails loudly.
vi.mock("@/lib/db/client", () => ({
  getDatabase: () => {
    throw new Error("getDatabase() in a test: pass the test's database (`.on(db)` or a parameter)");
  },
}));
