"use client";
import Link from "@/components/ui/Link";

/** A friendly error with a way back; never a stack trace. */
export function ErrorState({ reset, digest }: { reset: () => void; digest?: string }) {
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
      {/* React hoists this into <head>: error pages are titled too */}
      <title>Something went wrong · Marquee</title>
      <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
      <p className="text-muted">Please try again. If it keeps happening, come back in a few minutes.</p>
      <div className="flex gap-3">
        {/* buttonClass({ size: "xl" }) and ({ variant: "secondary", size: "xl" }), written out: every
            error boundary's chunk is in each page's first-load JS, and Button's table would be copied into each */}
        <button type="button" onClick={reset} className="rounded-lg bg-brand px-5 py-2.5 font-semibold text-on-brand hover:bg-brand-strong">
          Try again
        </button>
        <Link href="/" className="rounded-lg border border-line px-5 py-2.5 font-semibold hover:bg-surface">
          Go home
        </Link>
      </div>
      {digest && <p className="text-xs text-muted">Reference: {digest}</p>}
    </div>
  );
}
