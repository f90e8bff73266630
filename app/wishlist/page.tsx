import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { loadWishlist } from "@/lib/data/wishlist";
import { FilmCard } from "@/components/film/FilmCard";
import { Toggle as WishlistToggle } from "@/components/wishlist/WishlistButton";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your wishlist", robots: { index: false }, alternates: { canonical: "/wishlist" } };

export default async function WishlistPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/wishlist")}`);
  const films = await loadWishlist(user.id);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Your wishlist</h1>
      {films.length === 0 ? (
        <p className="rounded-lg bg-surface p-6 text-muted">
          Nothing here yet. Find a film and choose “Add to wishlist” to keep it for later.{" "}
          <Link href="/" className="font-semibold text-brand hover:underline">
            Browse films
          </Link>
        </p>
      ) : (
        <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-4 lg:grid-cols-6" aria-label="Films on your wishlist">
          {films.map((f) => (
            <li key={f.slug} className="flex flex-col gap-2 [&>a]:w-full">
              <FilmCard film={f} />
              <WishlistToggle filmId={f.id} slug={f.slug} signedIn initial compact />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
