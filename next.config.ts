import path from "node:path";
import type { NextConfig } from "next";
import { siteUrl } from "./lib/env";
import { securityHeaderRules } from "./lib/security/headers";

const REVIEW_SORT = "(?<sort>helpful|newest|highest|lowest)";
const REVIEW_STARS = "(?<stars>[1-5])";
const FILM_SORT = "(?<sort>popular|top|newest)";

const nextConfig: NextConfig = {
  // PGlite and the Prisma adapters load WebAssembly and data files from their own
  // package folders at run time: they must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "ioredis"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Cached pages and data: in memory per instance, shared through Redis when REDIS_URL
  // is set (lib/cache/handler.mjs).
  cacheHandler: path.join(process.cwd(), "lib", "cache", "handler.mjs"),
  cacheMaxMemorySize: 0,
  // The same sources give the same build id on every machine, so instances built apart
  // still share cache entries (scripts/start.mjs passes the source hash).
  generateBuildId: async () => process.env.MARQUEE_BUILD_ID || null,
  // Public addresses keep their query strings; these rewrites send each to a route that
  // can be cached. First pages of a list (a sort, a star filter) are cached routes with
  // the state in a path segment; pages with a cursor are rendered per request, so
  // made-up cursors cannot fill the cache. The home page and the genre index sit under
  // a dynamic segment so they are generated on first request, not at build time.
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/", destination: "/home/current" },
        { source: "/genres", destination: "/genres-index/current" },
        { source: "/films/:slug/reviews", has: [{ type: "query", key: "cursor" }], destination: "/films/:slug/reviews/deep" },
        {
          source: "/films/:slug/reviews",
          has: [
            { type: "query", key: "sort", value: REVIEW_SORT },
            { type: "query", key: "rating", value: REVIEW_STARS },
          ],
          destination: "/films/:slug/reviews/:sort-:stars",
        },
        { source: "/films/:slug/reviews", has: [{ type: "query", key: "sort", value: REVIEW_SORT }], destination: "/films/:slug/reviews/:sort-all" },
        { source: "/films/:slug/reviews", has: [{ type: "query", key: "rating", value: REVIEW_STARS }], destination: "/films/:slug/reviews/helpful-:stars" },
        { source: "/films/:slug/reviews", destination: "/films/:slug/reviews/helpful-all" },
        { source: "/genres/:slug", has: [{ type: "query", key: "cursor" }], destination: "/genres/:slug/deep" },
        { source: "/genres/:slug", has: [{ type: "query", key: "sort", value: FILM_SORT }], destination: "/genres/:slug/:sort" },
        { source: "/genres/:slug", destination: "/genres/:slug/popular" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  // Security headers on every response, cached pages included (lib/security/headers.ts);
  // HSTS when the site URL (lib/env.ts) is https. NODE_ENV is Next's own, set per phase.
  async headers() {
    return securityHeaderRules({ dev: process.env.NODE_ENV === "development", https: siteUrl().startsWith("https://") });
  },
};

export default nextConfig;
