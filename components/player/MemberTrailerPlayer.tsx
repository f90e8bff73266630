"use client";
import { useCallback } from "react";
import { saveProgressAction } from "@/lib/actions/progress";
import { savePlayerPrefsAction } from "@/lib/actions/player";
import { TrailerPlayer, type TrailerPlayerProps } from "./TrailerPlayer";

/** The player for a signed-in member: their place is also kept on the server, so it follows them to other devices. */
export function MemberTrailerPlayer({ filmId, ...props }: Omit<TrailerPlayerProps, "onProgress"> & { filmId: string }) {
  const onProgress = useCallback(
    (seconds: number) => {
      void saveProgressAction(filmId, seconds);
    },
    [filmId],
  );
  const onCaptionChange = useCallback((lang: string | null) => {
    void savePlayerPrefsAction(lang);
  }, []);
  return <TrailerPlayer {...props} onProgress={onProgress} onCaptionChange={onCaptionChange} />;
}
