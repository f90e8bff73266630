import "server-only";
import { notFound, permanentRedirect } from "next/navigation";
import { getRenamedSlug } from "./data/films";
import { isSlug } from "./slug";

/**
 * The not-found path of a film's pages: a slug the film had before answers 308 to the
 * same page under its current slug; anything else is a 404.
 */
export async function filmNotFound(slug: string, rest = ""): Promise<never> {
  const to = isSlug(slug) ? await getRenamedSlug(slug) : null;
  if (to) permanentRedirect(`/films/${to}${rest}`);
  notFound();
}
