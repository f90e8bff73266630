"use client";
import type { ReactNode } from "react";
import type { Phase } from "./store";

/**
 * Until the page knows who is looking ("unknown": the cached HTML and hydration), both
 * the visitor's version and a member placeholder of the same size are in the page, and
 * CSS shows one of them from the member hint (see globals.css): nobody sees a flash of
 * the wrong state.
 */
export function Gate({ phase, visitor, placeholder, member }: { phase: Phase; visitor: ReactNode; placeholder: ReactNode; member: () => ReactNode }) {
  if (phase === "visitor") return <>{visitor}</>;
  if (phase === "loading") return <>{placeholder}</>;
  if (phase === "member") return <>{member()}</>;
  return (
    <>
      <div className="visitor-only contents">{visitor}</div>
      <div className="member-only contents">{placeholder}</div>
    </>
  );
}
