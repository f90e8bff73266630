"use client";
import Link from "@/components/ui/Link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useMember, type Role } from "../viewer/store";
import { Gate } from "../viewer/Gate";
import { signOut } from "./sign-out";

/** "Sign in" for visitors; the member's name opening a menu with Sign out for members. */
export function UserMenu() {
  const pathname = usePathname();
  const { phase, user } = useMember(pathname);
  const here = pathname && !pathname.startsWith("/signin") && !pathname.startsWith("/signup") ? pathname : "/";
  return (
    <Gate
      phase={phase}
      visitor={
        // buttonClass({ variant: "secondary", size: "xs" }) written out: the header is in every page's
        // first-load JS, and importing Button would copy its whole table into the layout's chunk
        <Link
          href={`/signin?callbackUrl=${encodeURIComponent(here)}`}
          className="shrink-0 rounded-lg border border-line px-3 py-1.5 text-sm font-semibold hover:bg-surface"
        >
          Sign in
        </Link>
      }
      placeholder={
        <span className="flex items-center gap-2 px-2 py-1.5" aria-hidden="true">
          <span className="block h-7 w-7 animate-pulse rounded-full bg-surface" />
          <span className="hidden h-4 w-20 animate-pulse rounded bg-surface sm:block" />
        </span>
      }
      member={() => <MemberMenu name={user!.name} role={user!.role} />}
    />
  );
}

function MemberMenu({ name, role }: { name: string; role: Role }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative shrink-0">
      <button
        type="button"
        aria-haspopup="menu"
        aria-label={name}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex max-w-40 items-center gap-2 rounded-lg px-2 py-1.5 text-sm font-semibold hover:bg-surface"
      >
        <span aria-hidden="true" className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-brand text-xs text-on-brand">
          {name.charAt(0).toUpperCase()}
        </span>
        <span className="hidden truncate sm:inline">{name}</span>
      </button>
      {open && (
        <div role="menu" aria-label="Account" className="absolute right-0 z-50 mt-1 flex w-48 flex-col rounded-lg border border-line bg-page p-1 shadow-lg">
          <Link ref={first} role="menuitem" href="/wishlist" onClick={() => setOpen(false)} className="rounded px-3 py-2 text-sm hover:bg-surface">
            Wishlist
          </Link>
          <Link role="menuitem" href="/account" onClick={() => setOpen(false)} className="rounded px-3 py-2 text-sm hover:bg-surface">
            Account
          </Link>
          {(role === "ADMIN" || role === "EDITOR") && (
            <Link role="menuitem" href="/admin/films" onClick={() => setOpen(false)} className="rounded px-3 py-2 text-sm hover:bg-surface">
              Catalog editor
            </Link>
          )}
          {(role === "PUBLISHER" || role === "EDITOR") && (
            <Link role="menuitem" href="/admin/replies" onClick={() => setOpen(false)} className="rounded px-3 py-2 text-sm hover:bg-surface">
              Replies to reviews
            </Link>
          )}
          {role === "ADMIN" && (
            <Link role="menuitem" href="/admin/reports" onClick={() => setOpen(false)} className="rounded px-3 py-2 text-sm hover:bg-surface">
              Moderation queue
            </Link>
          )}
          <button role="menuitem" type="button" onClick={() => void signOut(pathname || "/")} className="rounded px-3 py-2 text-left text-sm hover:bg-surface">
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
