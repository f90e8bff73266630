import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Next's Link without viewport prefetching (unless a link asks for it): measured with
 * Lighthouse (mobile) on the film page, prefetching the page's dozen links after it
 * loads cost long main-thread tasks on a slow phone (RSC fetches and their processing)
 * for pages a visitor mostly never opens; every page is served from cache, so a click
 * fetches it quickly anyway.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
