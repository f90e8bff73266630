"use client";
import Link from "@/components/ui/Link";
import { useActionState, useId, useState } from "react";
import { saveFilmAction, type FilmFormState } from "@/lib/actions/films";
import { CONTENT_RATINGS, type FilmFormValues } from "@/lib/validation/film";
import { slugify } from "@/lib/slug";
import { Button } from "../ui/Button";
import { errorTextClass, FieldError } from "../ui/FieldError";

export type FilmFormInitial = FilmFormValues & { filmId?: string; posterPath?: string; trailerPath?: string };

const input = "w-full rounded-lg border border-line bg-page px-3 py-2 aria-[invalid=true]:border-red-600";
const label = "font-medium";

/** New and Edit film: every field validated on the server; errors next to the field, values kept. */
export function FilmForm({ initial }: { initial: FilmFormInitial }) {
  const [state, action, pending] = useActionState<FilmFormState, FormData>(saveFilmAction, null);
  const values: FilmFormInitial = { ...initial, ...(state?.values ?? {}) };
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const [title, setTitle] = useState(values.title ?? "");
  const [poster, setPoster] = useState(values.posterPath ?? "");
  const [trailer, setTrailer] = useState(values.trailerPath ?? "");
  const id = useId();
  const key = JSON.stringify(state?.values ?? null);

  return (
    <form action={action} key={key} className="flex max-w-2xl flex-col gap-4" noValidate>
      {values.filmId && <input type="hidden" name="filmId" value={values.filmId} />}
      <input type="hidden" name="posterPath" value={poster} />
      <input type="hidden" name="trailerPath" value={trailer} />
      <Field fe={fe} id={id} name="title" text="Title">
        {(p) => <input {...p} name="title" defaultValue={values.title} onChange={(e) => setTitle(e.target.value)} className={input} maxLength={800} />}
      </Field>
      <Field
        fe={fe}
        id={id}
        name="slug"
        text="Slug"
        hint={`The film's address: /films/${values.slug || slugify(title) || "…"}. Left empty, it is made from the title. Changing it keeps the old address working (it redirects).`}
      >
        {(p) => <input {...p} name="slug" defaultValue={values.slug} placeholder={slugify(title)} className={input} maxLength={80} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field fe={fe} id={id} name="year" text="Year">
          {(p) => <input {...p} name="year" inputMode="numeric" defaultValue={values.year} className={input} maxLength={12} />}
        </Field>
        <Field fe={fe} id={id} name="releaseDate" text="Release date">
          {(p) => <input {...p} name="releaseDate" type="date" defaultValue={values.releaseDate} className={input} />}
        </Field>
        <Field fe={fe} id={id} name="runtimeMinutes" text="Runtime (minutes)">
          {(p) => <input {...p} name="runtimeMinutes" inputMode="numeric" defaultValue={values.runtimeMinutes} className={input} maxLength={12} />}
        </Field>
      </div>
      <Field fe={fe} id={id} name="tagline" text="Tagline">
        {(p) => <input {...p} name="tagline" defaultValue={values.tagline} className={input} maxLength={800} />}
      </Field>
      <Field fe={fe} id={id} name="synopsis" text="Synopsis">
        {(p) => <textarea {...p} name="synopsis" rows={6} defaultValue={values.synopsis} className={input} maxLength={20000} />}
      </Field>
      <Field fe={fe} id={id} name="contentRating" text="Content rating">
        {(p) => (
          <select {...p} name="contentRating" defaultValue={values.contentRating ?? "NR"} className={input}>
            {CONTENT_RATINGS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field fe={fe} id={id} name="genres" text="Genres" hint="Separated by commas, e.g. Drama, Mystery.">
        {(p) => <input {...p} name="genres" defaultValue={values.genres} className={input} maxLength={2000} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field fe={fe} id={id} name="directors" text="Directors" hint="One per line, in billing order.">
          {(p) => <textarea {...p} name="directors" rows={3} defaultValue={values.directors} className={input} maxLength={5000} />}
        </Field>
        <Field fe={fe} id={id} name="cast" text="Cast" hint="One per line, in billing order.">
          {(p) => <textarea {...p} name="cast" rows={3} defaultValue={values.cast} className={input} maxLength={10000} />}
        </Field>
      </div>
      <Field fe={fe} id={id} name="publisher" text="Publisher" hint="The company that answers reviews of this film. Created if new.">
        {(p) => <input {...p} name="publisher" defaultValue={values.publisher} className={input} maxLength={400} />}
      </Field>
      <MediaField
        kind="posters"
        text="Poster"
        accept="image/png,image/jpeg,image/webp"
        hint="PNG, JPEG or WebP, at most 5 MB."
        value={poster}
        onChange={setPoster}
        errors={fe.posterPath}
      />
      <MediaField
        kind="trailers"
        text="Trailer"
        accept="video/mp4,video/webm"
        hint="MP4 or WebM, at most 100 MB."
        value={trailer}
        onChange={setTrailer}
        errors={fe.trailerPath}
      />
      <div className="flex items-center gap-2">
        <input id={`${id}-published`} type="checkbox" name="published" value="true" defaultChecked={values.published !== "false"} />
        <label htmlFor={`${id}-published`}>Published (shown in lists, search and the sitemap)</label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="lg" disabled={pending}>
          {values.filmId ? "Save film" : "Create film"}
        </Button>
        <Link href="/admin/films" className="text-sm underline">
          Back to films
        </Link>
      </div>
      <p role={state && !state.ok ? "alert" : "status"} aria-live="polite" className={state && !state.ok ? errorTextClass : "text-muted"}>
        {state?.message}
      </p>
    </form>
  );
}

function Field({
  fe,
  id,
  name,
  text,
  hint,
  children,
}: {
  fe: Record<string, string[] | undefined>;
  id: string;
  name: string;
  text: string;
  hint?: string;
  children: (p: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const errs = fe[name];
  const fid = `${id}-${name}`;
  const described = [hint ? `${fid}-hint` : "", errs ? `${fid}-err` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={fid} className={label}>
        {text}
      </label>
      {children({ id: fid, "aria-invalid": !!errs, "aria-describedby": described })}
      {hint && (
        <p id={`${fid}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldError id={`${fid}-err`} message={errs?.join(" ")} />
    </div>
  );
}

/** Uploads the file at once (checked by content on the server) and keeps its path for the form. */
function MediaField({
  kind,
  text,
  accept,
  hint,
  value,
  onChange,
  errors,
}: {
  kind: "posters" | "trailers";
  text: string;
  accept: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  errors?: string[];
}) {
  const id = useId();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  async function upload(file: File | undefined) {
    if (!file) return;
    setStatus({ ok: true, text: `Uploading ${text.toLowerCase()}…` });
    const body = new FormData();
    body.set("kind", kind);
    body.set("file", file);
    try {
      const res = await fetch("/admin/uploads", { method: "POST", body });
      const json = (await res.json()) as { ok: boolean; path?: string; message?: string };
      if (json.ok && json.path) {
        onChange(json.path);
        setStatus({ ok: true, text: `${text} uploaded.` });
      } else setStatus({ ok: false, text: json.message ?? "Upload failed." });
    } catch {
      setStatus({ ok: false, text: "Upload failed. Please try again." });
    }
  }
  const msg = errors?.join(" ") ?? (status && !status.ok ? status.text : null);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={`${id}-hint ${id}-status`}
        aria-invalid={!!msg}
        onChange={(e) => upload(e.target.files?.[0])}
      />
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint} {value ? `Current: ${value}` : "None yet."}
      </p>
      {value && (
        <button type="button" onClick={() => onChange("")} className="self-start text-sm underline">
          Remove {text.toLowerCase()}
        </button>
      )}
      <p id={`${id}-status`} role="status" className={msg ? `text-sm ${errorTextClass}` : "text-sm text-muted"}>
        {msg ?? status?.text}
      </p>
    </div>
  );
}
