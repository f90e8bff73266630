"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteFilmAction, setPublishedAction } from "@/lib/actions/films";
import { Button } from "../ui/Button";

/** Unpublish / Publish and Delete (only without reviews) for one film. */
export function FilmStateActions({ filmId, title, published, canDelete }: { filmId: string; title: string; published: boolean; canDelete: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Publishing of ${title}`}>
      <Button
        variant="secondary"
        size="xs"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const res = await setPublishedAction(filmId, !published);
            setMessage(res.message ?? null);
            if (res.ok) router.refresh();
          })
        }
      >
        {published ? "Unpublish" : "Publish"}
      </Button>
      <Button
        variant="secondary"
        size="xs"
        disabled={pending || !canDelete}
        title={canDelete ? undefined : "A film with reviews can only be unpublished."}
        onClick={() => {
          if (!window.confirm(`Delete “${title}” for good?`)) return;
          start(async () => {
            const res = await deleteFilmAction(filmId);
            setMessage(res.message ?? null);
            if (res.ok) router.push("/admin/films");
          });
        }}
      >
        Delete film
      </Button>
      <span role="status" className="text-sm text-muted">
        {message}
      </span>
    </div>
  );
}
