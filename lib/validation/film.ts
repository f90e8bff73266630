// One schema for a film's editable facts, shared by the editor form, its server action,
// the bulk importer (JSON Lines and CSV) and the exporter. Every field is bounded by raw
// length before any other work.
import { z } from "zod";
import { isSlug, slugify } from "../slug";
import { REPORT_REASONS } from "./review-rules";
import { cleanText, graphemeLength } from "./text";

export const CONTENT_RATINGS = ["G", "PG", "PG-13", "R", "NC-17", "NR"] as const;
export const TITLE_MAX = 200;
export const TAGLINE_MAX = 200;
export const SYNOPSIS_MAX = 5000;
export const NAME_MAX = 100;
export const LIST_MAX = { genres: 10, directors: 20, cast: 50 } as const;

/** The columns of the import/export format, in order (CSV header, JSON keys). */
export const FILM_FIELDS = [
  "slug",
  "title",
  "year",
  "releaseDate",
  "runtimeMinutes",
  "tagline",
  "synopsis",
  "contentRating",
  "genres",
  "directors",
  "cast",
  "publisher",
  "published",
] as const;

const str = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : v);

/** Text of at most `max` user-perceived characters (and never more than 4× that in code units). */
function text(label: string, max: number, required: boolean) {
  return z.preprocess(
    str,
    z
      .string({ error: `${label} must be text.` })
      .max(max * 4, `${label} is too long: keep it to ${max} characters.`)
      .transform(cleanText)
      .superRefine((s, ctx) => {
        if (required && s.length === 0) ctx.addIssue({ code: "custom", message: `${label} is required.` });
        // Graphemes never outnumber code units: count them only when it can matter.
        else if (s.length > max && graphemeLength(s) > max) ctx.addIssue({ code: "custom", message: `${label} is too long: keep it to ${max} characters.` });
      }),
  );
}

function int(label: string, min: number, max: number) {
  return z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      const t = v.trim().slice(0, 12);
      return t === "" ? undefined : /^[+-]?\d+(?:\.\d+)?$/.test(t) ? Number(t) : t;
    },
    z
      .number({ error: (iss) => (iss.input === undefined || iss.input === null ? `${label} is required.` : `${label} must be a whole number.`) })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be between ${min} and ${max}.`)
      .max(max, `${label} must be between ${min} and ${max}.`),
  );
}

/** A list of names: an array, or text split on new lines and "|" (and commas for genres). */
function nameList(label: string, max: number, commas: boolean, min = 0) {
  return z.preprocess(
    (v) => {
      if (v === undefined || v === null) return [];
      if (typeof v === "string") {
        if (v.length > max * NAME_MAX * 2) return v; // rejected below, before any splitting
        return v.split(commas ? /[\n|,]/ : /[\n|]/);
      }
      return v;
    },
    z
      .array(z.preprocess(str, z.string().max(NAME_MAX * 2)), { error: `${label}: too long a list.` })
      .max(max * 2, `${label}: at most ${max}.`)
      .transform((a) => {
        const seen = new Set<string>();
        const out: string[] = [];
        for (const raw of a) {
          const name = cleanText(raw).replace(/\s+/g, " ");
          const key = name.toLowerCase();
          if (name && !seen.has(key)) {
            seen.add(key);
            out.push(name);
          }
        }
        return out;
      })
      .superRefine((a, ctx) => {
        if (a.length > max) ctx.addIssue({ code: "custom", message: `${label}: at most ${max}.` });
        if (a.length < min) ctx.addIssue({ code: "custom", message: `${label}: at least ${min}.` });
        const long = a.find((n) => (n.length > NAME_MAX && graphemeLength(n) > NAME_MAX) || !slugify(n));
        if (long)
          ctx.addIssue({
            code: "custom",
            message: `${label}: “${long.slice(0, 40)}” is not a usable name (letters or digits, at most ${NAME_MAX} characters).`,
          });
      }),
  );
}

const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "string" ? v.trim().slice(0, 20) : v),
  z
    .string({ error: "Release date is required." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2017-10-27.")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, "That date does not exist."),
);

const bool = z.preprocess(
  (v) => {
    if (v === undefined || v === null || v === "") return true;
    if (typeof v === "string") return !["false", "0", "no", "off"].includes(v.trim().toLowerCase());
    return v;
  },
  z.boolean({ error: "Published must be true or false." }),
);

export const filmInputSchema = z
  .object({
    title: text("Title", TITLE_MAX, true),
    slug: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() : v === undefined || v === null ? "" : v),
      z
        .string({ error: "Slug must be text." })
        .max(80, "Slug: at most 80 characters.")
        .refine((s) => s === "" || isSlug(s), "Slug: lower-case letters, digits and single hyphens only."),
    ),
    year: int("Year", 1870, 2100),
    releaseDate: isoDate,
    runtimeMinutes: int("Runtime", 1, 1000),
    tagline: text("Tagline", TAGLINE_MAX, false),
    synopsis: text("Synopsis", SYNOPSIS_MAX, true),
    contentRating: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase().slice(0, 10) : v),
      z.enum(CONTENT_RATINGS, { error: `Content rating: one of ${CONTENT_RATINGS.join(", ")}.` }),
    ),
    genres: nameList("Genres", LIST_MAX.genres, true, 1),
    directors: nameList("Directors", LIST_MAX.directors, false),
    cast: nameList("Cast", LIST_MAX.cast, false),
    publisher: text("Publisher", NAME_MAX, false),
    published: bool,
  })
  .transform((f) => ({ ...f, slug: f.slug || slugify(f.title) }))
  .superRefine((f, ctx) => {
    if (!f.slug) ctx.addIssue({ code: "custom", path: ["slug"], message: "Slug: give one (the title has no letters or digits to make it from)." });
  });

export type FilmInput = z.output<typeof filmInputSchema>;

/** The raw values of a film form, as typed (kept on error). */
export type FilmFormValues = Partial<Record<(typeof FILM_FIELDS)[number], string>>;

export function filmFormValues(form: FormData): FilmFormValues {
  const out: FilmFormValues = {};
  for (const k of FILM_FIELDS) {
    const v = form.get(k);
    if (typeof v === "string") out[k] = v.slice(0, 20_000);
  }
  if (!form.has("published")) out.published = "false";
  return out;
}

// ---------- roles, replies, audit filters ----------

export const ROLES = ["MEMBER", "ADMIN", "EDITOR", "PUBLISHER"] as const;
export type RoleName = (typeof ROLES)[number];
export const ROLE_LABELS: Record<RoleName, string> = {
  MEMBER: "Member",
  ADMIN: "Admin (moderator)",
  EDITOR: "Editor",
  PUBLISHER: "Publisher",
};

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Unknown item.");

export const roleChangeSchema = z
  .object({
    userId: id,
    role: z.enum(ROLES, { error: "Choose a role." }),
    publisher: text("Publisher", NAME_MAX, false),
  })
  .superRefine((v, ctx) => {
    if (v.role === "PUBLISHER" && !v.publisher) ctx.addIssue({ code: "custom", path: ["publisher"], message: "Name the publisher this member represents." });
  });

export const REPLY_MAX = 1000;
export const replyInputSchema = z.object({
  reviewId: id,
  body: z.preprocess(
    str,
    z
      .string()
      .max(REPLY_MAX * 4, `Keep the reply to ${REPLY_MAX} characters.`)
      .transform(cleanText)
      .superRefine((s, ctx) => {
        const n = graphemeLength(s);
        if (n === 0) ctx.addIssue({ code: "custom", message: "Write a reply first." });
        else if (n > REPLY_MAX) ctx.addIssue({ code: "custom", message: `Your reply is ${n} characters long. Please keep it to ${REPLY_MAX}.` });
      }),
  ),
});

/** Deleting a review's reply names the review. */
export const replyTargetSchema = z.object({ reviewId: id });

export const replyReportSchema = z.object({
  replyId: id,
  reason: z.enum(REPORT_REASONS, { error: "Choose why you are reporting this reply." }),
  note: z.preprocess(
    (v) => (typeof v === "string" ? cleanText(v.slice(0, 2000)) : ""),
    z
      .string()
      .max(300, "Keep the note to 300 characters.")
      .transform((s) => s || null),
  ),
});

export const replyModerationSchema = z.object({ replyId: id, decision: z.enum(["hide", "restore", "dismiss"]) });

export const peopleQuerySchema = z.preprocess((v) => (typeof v === "string" ? v.slice(0, 200) : ""), z.string().trim().max(100));
export const filmIdSchema = z.object({ filmId: id });
export { id as idSchema };
