import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { canEditCatalog } from "@/lib/auth/roles";
import { listReplyableFilms, listReviewsForReply } from "@/lib/data/replies";
import { AdminNav } from "@/components/admin/AdminNav";
import { ReplyEditor } from "@/components/admin/ReplyEditor";
import { Stars } from "@/components/rating/Stars";
import { LocalDate } from "@/components/ui/LocalDate";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reply to reviews", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";

export default async function RepliesPage({ searchParams }: Props) {
  const user = await requirePage((u) => canEditCatalog(u) || u?.role === "PUBLISHER", "/admin/replies");
  const sp = await searchParams;
  const q = one(sp.q).slice(0, 100);
  const films = await listReplyableFilms(user, q);
  const film = films.find((f) => f.slug === one(sp.film)) ?? null;
  const reviews = film ? await listReviewsForReply(film.id) : [];
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <AdminNav user={user} current="/admin/replies" />
      <h1 className="text-2xl font-bold tracking-tight">Reply to reviews</h1>
      <p className="text-muted">Your reply shows under the review as “Response from {film?.publisherName ?? "your publisher"}”. One reply per review; you can edit or delete it.</p>
      {canEditCatalog(user) && (
        <form role="search" action="/admin/replies" className="flex gap-2">
          <label htmlFor="reply-q" className="sr-only">
            Find a film
          </label>
          <input id="reply-q" name="q" type="search" defaultValue={q} placeholder="Film title" maxLength={100} className="w-full max-w-sm rounded-lg border border-line bg-page px-3 py-2" />
          <button type="submit" className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-surface">
            Find
          </button>
        </form>
      )}
      <nav aria-label="Your films">
        <ul className="flex flex-wrap gap-2">
          {films.map((f) => (
            <li key={f.id}>
              <Link href={`/admin/replies?film=${f.slug}`} aria-current={film?.id === f.id ? "page" : undefined} className="inline-block rounded-full border border-line px-3 py-1 text-sm hover:bg-surface aria-[current=page]:bg-surface aria-[current=page]:font-semibold">
                {f.title}
              </Link>
            </li>
          ))}
        </ul>
        {films.length === 0 && <p className="text-muted">No films to answer for yet.</p>}
      </nav>
      {film && (
        <section aria-labelledby="reply-film" className="flex flex-col gap-3">
          <h2 id="reply-film" className="text-xl font-semibold">
            Reviews of {film.title}
          </h2>
          {reviews.length === 0 && <p className="text-muted">No reviews yet.</p>}
          <ul className="flex flex-col gap-3">
            {reviews.map((r) => (
              <li key={r.reviewId}>
                <article aria-label={`Review by ${r.authorName}`} className="rounded-xl border border-line p-4">
                  <p className="flex items-center gap-2 text-sm text-muted">
                    <Stars value={r.rating} /> {r.authorName} · <LocalDate iso={r.createdAt} />
                  </p>
                  {r.body && <p className="mt-1 whitespace-pre-line break-words">{r.body}</p>}
                  <ReplyEditor reviewId={r.reviewId} authorName={r.authorName} existing={r.reply?.body ?? ""} status={r.reply?.status ?? null} />
                </article>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
