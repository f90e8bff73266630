"use client";
import Link from "next/link";
import { Button, buttonClass } from "./Button";

/** A friendly error with a way back; never a stack trace. */
export function ErrorState({ reset, digest }: { reset: () => void; digest?: string }) {
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
      {/* React hoists this into <head>: error pages are titled too */}
      <title>Something went wrong · Marquee</title>
      <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
      <p className="text-muted">Please try again. If it keeps happening, come back in a few minutes.</p>
      <div className="flex gap-3">
        <Button size="xl" onClick={reset}>
          Try again
        </Button>
        <Link href="/" className={buttonClass({ variant: "secondary", size: "xl" })}>
          Go home
        </Link>
      </div>
      {digest && <p className="text-xs text-muted">Reference: {digest}</p>}
    </div>
  );
}
