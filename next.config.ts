import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path: bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@react-pdf/renderer"],
  allowedDevOrigins: ["127.0.0.1"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default nextConfig;
