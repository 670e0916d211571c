import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path: bundling breaks that.
  // chdb is a native library (ClickHouse itself), loaded only when ANALYTICS_URL asks for it.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@react-pdf/renderer",
    "chdb",
    "@clickhouse/client",
  ],
  allowedDevOrigins: ["127.0.0.1"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default nextConfig;
