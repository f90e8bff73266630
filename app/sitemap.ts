import type { MetadataRoute } from "next";
import { getSitemapData } from "@/lib/data/sitemap";
import { siteUrl } from "@/lib/env";

// Read per request (cached in lib/data): the database is not there at build time, and
// SITE_URL may differ between build and run.
export const dynamic = "force-dynamic";

/** Every page worth indexing: home, genres, each film and its reviews (absolute URLs). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { films, genres } = await getSitemapData();
  const base = siteUrl();
  const latest = films.reduce<string | undefined>((a, f) => (!a || f.updatedAt > a ? f.updatedAt : a), undefined);
  return [
    { url: `${base}/`, lastModified: latest, changeFrequency: "daily", priority: 1 },
    { url: `${base}/genres`, lastModified: latest, changeFrequency: "weekly", priority: 0.6 },
    ...genres.map((g) => ({ url: `${base}/genres/${g.slug}`, lastModified: g.updatedAt ?? undefined, changeFrequency: "daily" as const, priority: 0.7 })),
    ...films.flatMap((f) => [
      { url: `${base}/films/${f.slug}`, lastModified: f.updatedAt, changeFrequency: "weekly" as const, priority: 0.9 },
      { url: `${base}/films/${f.slug}/reviews`, lastModified: f.updatedAt, changeFrequency: "daily" as const, priority: 0.5 },
    ]),
    { url: `${base}/help/devices`, changeFrequency: "yearly", priority: 0.2 },
  ];
}
