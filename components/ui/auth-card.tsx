import type { ReactNode } from "react";

/** The centred card of the signed-out pages (sign-in, setup, password reset, invitations). */
export function AuthCard({
  title,
  intro,
  wide,
  children,
}: {
  title: string;
  intro?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div
        className={`w-full ${wide ? "max-w-lg" : "max-w-sm"} rounded-lg border border-gray-200 bg-white p-8 shadow-sm dark:border-gray-800 dark:bg-gray-900`}
      >
        <h1 className="text-xl font-semibold">{title}</h1>
        {intro && <div className="mt-1 text-sm text-gray-600 dark:text-gray-400">{intro}</div>}
        {children}
      </div>
    </main>
  );
}
