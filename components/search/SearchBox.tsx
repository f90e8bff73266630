"use client";
// The header's search box: a GET form to /search (works without JavaScript) that, with
// JavaScript, suggests films as you type. ARIA 1.2 combobox with a listbox popup.
import Form from "next/form";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { Poster } from "@/components/film/Poster";
import { SEARCH_MAX_LENGTH, SUGGEST_MIN_LENGTH, foldForSearch, searchHref } from "@/lib/validation/search-text";

type Suggestion = { slug: string; title: string; year: number };
type Option = { kind: "film"; film: Suggestion } | { kind: "all" };

const DEBOUNCE_MS = 200;

/** Back and forward between searches change the URL without a new page: listen for them. */
function subscribeToHistory(onChange: () => void) {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
}

/**
 * The query comes from the address on /search. It is read from `window.location` rather
 * than useSearchParams: on the cached pages that would make the box render on the client
 * only, replacing the server's input and losing what a visitor typed before hydration.
 */
export function SearchBox() {
  const pathname = usePathname();
  const urlQuery = useSyncExternalStore(
    subscribeToHistory,
    () => (pathname === "/search" ? (new URLSearchParams(window.location.search).get("q") ?? "") : ""),
    () => "",
  );
  return <SearchCombobox urlQuery={urlQuery} pathname={pathname} />;
}

function SearchCombobox({ urlQuery, pathname }: { urlQuery: string; pathname: string }) {
  const router = useRouter();
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  // The input is uncontrolled (defaultValue), so text typed before hydration is kept;
  // `value` mirrors it, and the few places that change it write both.
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(urlQuery);
  const write = (v: string) => {
    if (inputRef.current) inputRef.current.value = v;
    setValue(v);
  };
  const [typed, setTyped] = useState(false); // suggestions only for what the user typed
  const [films, setFilms] = useState<Suggestion[]>([]);
  const [shownFor, setShownFor] = useState(""); // the query the films belong to
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const cache = useRef(new Map<string, Suggestion[]>());

  // Text typed before hydration: pick it up (and suggest for it) once React is in charge.
  useEffect(() => {
    const typedEarly = inputRef.current?.value ?? "";
    if (typedEarly !== urlQuery) {
      setValue(typedEarly);
      setTyped(document.activeElement === inputRef.current);
    }
    // Once, at hydration: later URL changes are the next effect's job.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new page (or a new search) resets the box to what the URL says.
  const seen = useRef({ urlQuery, pathname });
  useEffect(() => {
    if (seen.current.urlQuery === urlQuery && seen.current.pathname === pathname) return;
    seen.current = { urlQuery, pathname };
    write(urlQuery);
    setTyped(false);
    setOpen(false);
    setActive(-1);
  }, [urlQuery, pathname]);

  function show(forQuery: string, list: Suggestion[]) {
    setFilms(list);
    setShownFor(forQuery);
    setActive(-1);
    setOpen(list.length > 0);
  }

  const folded = foldForSearch(value);
  const wanted = typed && folded.length >= SUGGEST_MIN_LENGTH ? folded : "";

  useEffect(() => {
    if (!wanted) return;
    const hit = cache.current.get(wanted);
    if (hit) {
      show(wanted, hit);
      return;
    }
    const abort = new AbortController();
    const suggest = async () => {
      try {
        const res = await fetch(`/api/search/suggest?q=${encodeURIComponent(wanted)}`, { signal: abort.signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const list = (await res.json()) as Suggestion[];
        cache.current.set(wanted, list);
        show(wanted, list);
      } catch {
        if (!abort.signal.aborted) show(wanted, []);
      }
    };
    const timer = setTimeout(() => void suggest(), DEBOUNCE_MS);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [wanted]);

  const current = wanted !== "" && shownFor === wanted;
  const options: Option[] = current && films.length ? [...films.map((film) => ({ kind: "film" as const, film })), { kind: "all" as const }] : [];
  const expanded = open && options.length > 0;

  function choose(option: Option) {
    setOpen(false);
    setActive(-1);
    if (option.kind === "film") {
      write("");
      setTyped(false);
      router.push(`/films/${option.film.slug}`);
    } else {
      setTyped(false);
      router.push(searchHref(value.trim()));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = options.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!n) return;
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(e.key === "ArrowDown" ? 0 : n - 1);
      } else if (e.key === "ArrowDown") {
        setActive((a) => (a + 1 >= n ? 0 : a + 1));
      } else {
        setActive((a) => (a <= 0 ? n - 1 : a - 1));
      }
    } else if (e.key === "Enter") {
      const option = expanded && active >= 0 ? options[active] : undefined;
      if (option) {
        e.preventDefault();
        choose(option);
      } else {
        setOpen(false); // the form submits to /search?q=
      }
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        e.preventDefault();
        write("");
        setTyped(false);
      }
    }
  }

  const activeId = expanded && active >= 0 ? optionId(active) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);
  const status = !current ? "" : films.length === 0 ? "No suggestions" : `${films.length} suggestion${films.length === 1 ? "" : "s"}`;

  return (
    <Form action="/search" prefetch={false} role="search" className="relative min-w-0 flex-1 sm:max-w-md" onSubmit={() => setOpen(false)}>
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-muted"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        <circle cx="8.5" cy="8.5" r="5.5" />
        <path d="m13 13 4.5 4.5" />
      </svg>
      <input
        type="search"
        name="q"
        ref={inputRef}
        defaultValue={urlQuery}
        onChange={(e) => {
          setValue(e.target.value);
          setTyped(true);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
        onFocus={() => typed && setOpen(true)}
        role="combobox"
        aria-label="Search films"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={SEARCH_MAX_LENGTH * 4}
        placeholder="Search films"
        className="h-9 w-full rounded-full border border-line bg-surface pl-9 pr-3 text-sm placeholder:text-muted focus:bg-page focus-visible:rounded-full [&::-webkit-search-cancel-button]:cursor-pointer"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggested films"
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-50 mt-2 max-h-[70vh] overflow-y-auto rounded-xl border border-line bg-page py-1 shadow-lg max-sm:fixed max-sm:inset-x-2 max-sm:top-14"
      >
        {options.map((option, i) => {
          const selected = i === active;
          const base = `flex cursor-pointer items-center gap-3 px-3 py-1.5 text-sm ${selected ? "bg-surface" : "hover:bg-surface"}`;
          return option.kind === "film" ? (
            <li
              key={option.film.slug}
              id={optionId(i)}
              role="option"
              aria-selected={selected}
              aria-label={`${option.film.title}, ${option.film.year}`}
              className={`${base} ${selected ? "shadow-[inset_3px_0_0_var(--color-brand)]" : ""}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => active !== i && setActive(i)}
              onClick={() => choose(option)}
            >
              <span aria-hidden="true" className="w-6 shrink-0">
                <Poster slug={option.film.slug} title={option.film.title} year={option.film.year} className="rounded! shadow-none!" />
              </span>
              <span className="min-w-0 flex-1 truncate font-medium">{option.film.title}</span>
              <span className="shrink-0 text-xs text-muted">{option.film.year}</span>
            </li>
          ) : (
            <li
              key="all"
              id={optionId(i)}
              role="option"
              aria-selected={selected}
              className={`${base} mt-1 border-t border-line font-medium text-brand ${selected ? "shadow-[inset_3px_0_0_var(--color-brand)]" : ""}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => active !== i && setActive(i)}
              onClick={() => choose(option)}
            >
              All results for “{value.trim()}”
            </li>
          );
        })}
      </ul>
      <p role="status" className="sr-only">
        {status}
      </p>
    </Form>
  );
}
