// The Partners directory for one scope, read as the page and its CSV read it: every order whole,
// and one order walked page by page through its cursors.
import type { TabScope } from "../stats/scope";
import type { OpenDatabase } from "../db/open";
import { DIRECTORY_SORTS, type DirectoryState } from "../partners/directory-params";
import { getDirectoryPage, listDirectory } from "../partners/get-partner-directory";

/** Walks every page of one order by its cursors (at most `max` pages). */
export async function walkDirectory(
  db: OpenDatabase,
  scope: TabScope,
  d: Omit<DirectoryState, "after">,
  pageSize: number,
  max = 100,
) {
  const pages = [];
  let after: DirectoryState["after"] = null;
  do {
    const page = await getDirectoryPage(db, scope, { ...d, after }, pageSize);
    pages.push(page);
    after = page.next;
  } while (after !== null && pages.length < max);
  return pages;
}

export async function readDirectory(db: OpenDatabase, scope: TabScope) {
  const out: Record<string, unknown> = {};
  for (const sort of DIRECTORY_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      out[`${sort} ${dir}`] = await listDirectory(db, scope, { sort, dir, after: null }, null);
    }
  }
  out["pages"] = await walkDirectory(db, scope, { sort: "actions", dir: "desc" }, 3, 10);
  return out;
}
