"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

export type MenuOption = { value: string; label: string; lang?: string };

type Props = {
  /** The button's visible text, e.g. "Captions". */
  label: string;
  /** What the current choice is, shown on the button and read with its name. */
  current: string;
  options: MenuOption[];
  value: string;
  onChange: (value: string) => void;
};

/**
 * A menu button with one choice (ARIA menu button pattern, menuitemradio items).
 * Enter, Space or Down opens it on the checked item; Up, Down, Home and End move; Enter
 * or Space chooses; Escape or Tab closes. Focus goes back to the button after a choice.
 */
export function PlayerMenu({ label, current, options, value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    listRef.current?.querySelectorAll<HTMLElement>("[role=menuitemradio]")[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);

  function openMenu(at?: number) {
    const checked = Math.max(
      0,
      options.findIndex((o) => o.value === value),
    );
    setActive(at ?? checked);
    setOpen(true);
  }

  function choose(i: number) {
    const o = options[i];
    setOpen(false);
    buttonRef.current?.focus();
    if (o && o.value !== value) onChange(o.value);
  }

  function onButtonKey(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      openMenu(e.key === "ArrowUp" ? options.length - 1 : undefined);
    }
  }

  function onMenuKey(e: KeyboardEvent<HTMLUListElement>) {
    const last = options.length - 1;
    switch (e.key) {
      case "ArrowDown":
        setActive((a) => (a >= last ? 0 : a + 1));
        break;
      case "ArrowUp":
        setActive((a) => (a <= 0 ? last : a - 1));
        break;
      case "Home":
        setActive(0);
        break;
      case "End":
        setActive(last);
        break;
      case "Enter":
      case " ":
        choose(active);
        break;
      case "Escape":
        setOpen(false);
        buttonRef.current?.focus();
        break;
      case "Tab":
        setOpen(false);
        return; // let focus move on
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  return (
    <div ref={wrapRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openMenu())}
        onKeyDown={onButtonKey}
        className="inline-flex items-center gap-1.5 rounded-md border border-line bg-page px-3 py-1.5 text-sm font-semibold hover:bg-surface"
      >
        {label}: <span className="font-normal">{current}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3.5 w-3.5" fill="currentColor">
          <path d="M5 7l5 6 5-6z" />
        </svg>
      </button>
      {open ? (
        <ul
          ref={listRef}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKey}
          className="absolute bottom-full left-0 z-20 mb-1 min-w-40 rounded-lg border border-line bg-page p-1 shadow-lg"
        >
          {options.map((o, i) => (
            <li
              key={o.value}
              role="menuitemradio"
              aria-checked={o.value === value}
              lang={o.lang}
              tabIndex={i === active ? 0 : -1}
              onClick={() => choose(i)}
              onMouseEnter={() => setActive(i)}
              className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-1.5 text-sm outline-none hover:bg-surface focus-visible:bg-surface focus-visible:outline-2 focus-visible:outline-brand"
            >
              <span aria-hidden="true" className="w-4 text-brand">
                {o.value === value ? "✓" : ""}
              </span>
              {o.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
