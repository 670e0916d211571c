import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-8">
      <p className="text-sm font-medium text-red-600">403 · No access</p>
      <h1 className="mt-1 text-xl font-semibold">You are not a member of this program</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
        The link points at a partner program your account does not belong to. Ask one of its owners
        to invite you, or go back to your own programs.
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
