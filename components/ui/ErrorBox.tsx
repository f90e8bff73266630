import type { ReactNode } from "react";

/** A form's failure message in a box (role="alert"). */
export function ErrorBox({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-lg border border-red-700/40 bg-red-700/10 px-3 py-2 text-sm">
      {children}
    </p>
  );
}
