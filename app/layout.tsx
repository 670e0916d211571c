import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import "./globals.css";

// The icons and the manifest are files in public/ (proxy.ts serves them signed out).
export const metadata: Metadata = {
  title: { default: "Actionboard", template: "%s · Actionboard" },
  description: "Analytics for partner program actions and rewards",
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", type: "image/png", sizes: "192x192" },
    ],
    apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
  },
  manifest: "/manifest.webmanifest",
};

// The browser's bar takes the colour of the app's header (white, gray-900 in dark mode).
export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#111827" },
  ],
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
