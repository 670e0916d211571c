import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Actionboard", template: "%s · Actionboard" },
  description: "Analytics for partner program actions and rewards",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
