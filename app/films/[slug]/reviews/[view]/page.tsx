import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewsPage, reviewsMetadata } from "@/components/reviews/ReviewsPage";
import { parseReviewView } from "@/lib/validation/review-list";

// The first page of each sort and star filter, cached like the film page (next.config.ts
// rewrites /films/x/reviews?sort=…&rating=… here).
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; view: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return reviewsMetadata((await params).slug);
}

export default async function CachedReviewsPage({ params }: Props) {
  const { slug, view } = await params;
  const q = parseReviewView(view);
  if (!q) notFound();
  return <ReviewsPage slug={slug} q={q} />;
}
