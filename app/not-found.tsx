import Link from "@/components/ui/Link";
import { buttonClass } from "@/components/ui/Button";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
      <p className="text-6xl font-bold text-muted" aria-hidden="true">
        404
      </p>
      <h1 className="text-2xl font-bold">We couldn’t find that page</h1>
      <p className="text-muted">The link may be old, or the film may have left the catalog.</p>
      <Link href="/" className={buttonClass({ size: "xl" })}>
        Go to the home page
      </Link>
    </div>
  );
}
