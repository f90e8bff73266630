import type { Metadata } from "next";
import { ReviewsPage, reviewsMetadata } from "@/components/reviews/ReviewsPage";
import { parseReviewListQuery } from "@/lib/validation/review-list";

// Pages after the first (a cursor in the URL): rendered per request from cached data, so
// arbitrary cursors cannot fill the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return reviewsMetadata((await params).slug);
}

export default async function DeepReviewsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  return <ReviewsPage slug={slug} q={parseReviewListQuery(await searchParams)} />;
}
