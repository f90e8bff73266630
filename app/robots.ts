import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/env";

// Per request: SITE_URL may differ between build and run.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/admin/"] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
