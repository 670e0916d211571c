import Link from "next/link";
import type { ReactNode } from "react";

/** A whole-page answer such as 403 or 404: what happened, why, and the way back. */
export function StatusPage({
  status,
  statusClass,
  title,
  children,
}: {
  status: string;
  statusClass: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <main className="mx-auto max-w-lg p-8">
      <p className={`text-sm font-medium ${statusClass}`}>{status}</p>
      <h1 className="mt-1 text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">{children}</p>
      <Link
        href="/"
        className="mt-4 inline-block text-sm font-medium text-blue-600 hover:underline"
      >
        Go to my programs
      </Link>
    </main>
  );
}
