import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8">
      <p className="text-sm font-medium text-gray-500">404 · Not found</p>
      <h1 className="mt-1 text-xl font-semibold">There is nothing at this address</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
        The program or page may have been renamed or removed.
      </p>
      <Link
        href="/"
        className="mt-4 inline-block text-sm font-medium text-blue-600 hover:underline"
      >
        Go to my programs
      </Link>
    </main>
  );
}
