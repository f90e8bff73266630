import Link from "@/components/ui/Link";
import { buttonClass } from "@/components/ui/Button";

export default function FilmNotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Film not found</h1>
      <p className="text-muted">We don’t have a film at this address. It may have been renamed or removed.</p>
      <Link href="/" className={buttonClass({ size: "xl" })}>
        Browse all films
      </Link>
    </div>
  );
}
