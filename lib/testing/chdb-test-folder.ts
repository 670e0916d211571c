import { tmpdir } from "node:os";
import path from "node:path";

// chdb opens one data folder per process: every test in a process shares it, each test in a
// ClickHouse database of its own. The global teardown removes the folders.
export const CHDB_TEST_FOLDER_PREFIX = "actionboard-test-chdb-";

export function chdbTestFolder(pid = process.pid): string {
  return path.join(tmpdir(), `${CHDB_TEST_FOLDER_PREFIX}${pid}`);
}
