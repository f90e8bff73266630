"use client";
import { useState } from "react";
import type { MyReview } from "@/lib/data/viewer";
import { useFilmMine } from "../viewer/store";
import { Gate } from "../viewer/Gate";
import { MyReviewCard } from "./MyReviewCard";
import { ReviewForm } from "./ReviewForm";

type Props = { filmId: string; slug: string; signedIn: boolean; myReview: MyReview | null; initialRating?: number };

/** `?rate=N` (after signing in from a star): the star the member chose. */
function ratingFromUrl(): number | undefined {
  const n = Number(new URLSearchParams(window.location.search).get("rate"));
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

/**
 * The "Rate this movie" island of the cached film page: the visitor's stars (which lead to
 * sign in), a placeholder of the same size while a member's own review loads, then the
 * member's form or review.
 */
export function RateThisMovie({ filmId, slug }: { filmId: string; slug: string }) {
  const { phase, mine } = useFilmMine(slug);
  return (
    <Gate
      phase={phase}
      visitor={<ReviewComposer filmId={filmId} slug={slug} signedIn={false} myReview={null} />}
      placeholder={<div aria-hidden="true" className="h-[8.75rem] animate-pulse rounded-xl border border-line bg-surface" />}
      member={() => {
        const myReview = mine?.myReview ?? null;
        return (
          <ReviewComposer
            key={myReview ? `${myReview.id}:${myReview.editedAt}` : "new"}
            filmId={filmId}
            slug={slug}
            signedIn
            myReview={myReview}
            initialRating={ratingFromUrl()}
          />
        );
      }}
    />
  );
}

/**
 * "Rate this movie": choosing a star opens the review form (ReviewForm); visitors go to
 * sign in and come back here with their star chosen. A member who has reviewed sees their
 * review with Edit and Delete instead (MyReviewCard).
 */
export function ReviewComposer({ filmId, slug, signedIn, myReview, initialRating }: Props) {
  const [editing, setEditing] = useState(!myReview && !!initialRating && signedIn);
  if (myReview && !editing) return <MyReviewCard review={myReview} onEdit={() => setEditing(true)} />;
  return (
    <ReviewForm
      filmId={filmId}
      slug={slug}
      signedIn={signedIn}
      existing={myReview}
      initialRating={myReview?.rating ?? (signedIn ? initialRating : undefined)}
      open={editing}
      onOpen={() => setEditing(true)}
      onCancel={myReview ? () => setEditing(false) : undefined}
      onSaved={() => setEditing(false)}
    />
  );
}
