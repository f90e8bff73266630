/** The public base URL (canonical links, sitemap, Open Graph). */
export function siteUrl(): string {
  return (process.env.SITE_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}
