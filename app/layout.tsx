import type { Metadata } from "next";
import { connection } from "next/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Actionboard", template: "%s · Actionboard" },
  description: "Analytics for partner program actions and rewards",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next can only put the CSP nonce that proxy.ts makes for this
  // request on the scripts of a page it renders now, never on a page prerendered at build time.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <NuqsAdapter>{children}</NuqsAdapter>
      </body>
    </html>
  );
}
