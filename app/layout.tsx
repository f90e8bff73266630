import type { Metadata, Viewport } from "next";
import Link from "@/components/ui/Link";
import "./globals.css";
import { siteUrl } from "@/lib/env";
import { MEMBER_HINT_SCRIPT } from "@/lib/viewer/hint";
import { UserMenu } from "@/components/layout/UserMenu";
import { SearchBox } from "@/components/search/SearchBox";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: "Marquee — films worth your evening", template: "%s · Marquee" },
  description: "Browse films, read honest reviews from other viewers, and watch in your browser.",
  applicationName: "Marquee",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1412" },
  ],
};

/**
 * The same cached HTML for every visitor: nothing here reads the session. The member's
 * own bits load afterwards (components/viewer); the hint script below, run before the
 * first paint, lets members see placeholders rather than "Sign in".
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: MEMBER_HINT_SCRIPT }} />
      </head>
      <body className="flex min-h-screen flex-col antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-page focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-line bg-page/95 backdrop-blur">
          <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-6">
            <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
              <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-brand text-sm text-on-brand">
                M
              </span>
              Marquee
            </Link>
            <nav aria-label="Main" className="hidden text-sm sm:block">
              <Link href="/" className="rounded px-2 py-1 hover:bg-surface">
                Films
              </Link>
            </nav>
            <SearchBox />
            <div className="ml-auto shrink-0">
              <UserMenu />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-line">
          <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm text-muted">
            <p>© Marquee. Synopses and reviews are written by Marquee and its members.</p>
            <Link href="/help/devices" className="underline-offset-2 hover:underline">
              Supported devices
            </Link>
          </div>
        </footer>
      </body>
    </html>
  );
}
