import type { NextConfig } from "next";
import { securityHeaderRules } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // PGlite and the Prisma adapters load WebAssembly and data files from their own
  // package folders at run time: they must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Security headers on every response, cached pages included (lib/security/headers.ts).
  async headers() {
    return securityHeaderRules({ dev: process.env.NODE_ENV === "development", https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://") });
  },
};

export default nextConfig;
