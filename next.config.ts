import type { NextConfig } from "next";
import { FIXED_SECURITY_HEADERS } from "./lib/security/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path: bundling breaks that.
  // chdb is a native library (ClickHouse itself), loaded only when ANALYTICS_URL asks for it.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@react-pdf/renderer",
    "chdb",
    "@clickhouse/client",
    // One copy with scripts/start-server.mjs's (the registry itself is shared through globalThis).
    "prom-client",
  ],
  allowedDevOrigins: ["127.0.0.1"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // scripts/start-server.mjs compresses Next's answers itself, at brotli's and gzip's fast settings
  // (lib/http/compress-responses.mjs): Next's default gzip level took half of a big CSV's download.
  compress: false,
  // Fixed when built, so only the headers that never change: proxy.ts adds the CSP and HSTS.
  async headers() {
    const { "X-Frame-Options": frames, ...everywhere } = FIXED_SECURITY_HEADERS;
    const headers = Object.entries(everywhere).map(([key, value]) => ({ key, value }));
    return [
      { source: "/:path*", headers },
      // Share links' and signed embeds' URLs may be framed by the sites their policy names
      // (proxy.ts), which X-Frame-Options cannot say: the proxy sends DENY when none is named.
      {
        source: "/:path((?!share/|embed/).*)",
        headers: [{ key: "X-Frame-Options", value: frames }],
      },
    ];
  },
};

export default nextConfig;
