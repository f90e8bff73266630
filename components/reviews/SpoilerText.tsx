"use client";
import { useState } from "react";

export function SpoilerText({ text }: { text: string }) {
  const [shown, setShown] = useState(false);
  if (shown) return <p className="whitespace-pre-line leading-relaxed">{text}</p>;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span className="rounded bg-surface px-2 py-1 text-muted">This review contains spoilers.</span>
      <button type="button" onClick={() => setShown(true)} className="font-semibold text-brand hover:underline">
        Show spoiler
      </button>
    </p>
  );
}
