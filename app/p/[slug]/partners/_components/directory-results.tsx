import type { ComponentProps } from "react";
import { DirectoryTable } from "./directory-table";
import type { TabScope } from "@/lib/stats/scope";
import type { OpenDatabase } from "@/lib/db/open";
import { directoryUrl } from "@/lib/partners/directory-params";
import { getDirectoryPage, type DirectoryPage } from "@/lib/partners/get-partner-directory";
import { logger } from "@/lib/observability/logger.mjs";

/**
 * The directory's rows, loaded on their own so the page's header and filters show at once (the
 * page streams a skeleton meanwhile); a failure becomes a message with a way to retry.
 */
export async function DirectoryResults({
  db,
  scope,
  ...table
}: { db: OpenDatabase; scope: TabScope } & Omit<ComponentProps<typeof DirectoryTable>, "page">) {
  let page: DirectoryPage;
  try {
    page = await getDirectoryPage(db, scope, table.directory);
  } catch (error) {
    logger().error({ err: error }, "Partners directory failed");
    return (
      <div
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        The partners could not be counted just now.{" "}
        <a
          href={directoryUrl(table.path, table.filters, table.directory)}
          className="font-medium underline"
        >
          Try again
        </a>
      </div>
    );
  }
  return <DirectoryTable page={page} {...table} />;
}

/** What shows while the rows load. */
export function DirectorySkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading partners"
      className="h-96 animate-pulse rounded-lg bg-gray-100 dark:bg-gray-900"
    />
  );
}
