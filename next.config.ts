import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and the Prisma adapters load WebAssembly and data files from their own
  // package folders at run time: they must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
