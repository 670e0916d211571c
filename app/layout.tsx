import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Actionboard", template: "%s · Actionboard" },
  description: "Analytics for partner program actions and rewards",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <NuqsAdapter>{children}</NuqsAdapter>
      </body>
    </html>
  );
}
