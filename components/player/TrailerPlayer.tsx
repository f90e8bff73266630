"use client";

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import Link from "@/components/ui/Link";
import type { TrailerSource } from "@/lib/media/files";
import { SAVE_EVERY_MS, clearPosition, formatTime, readPosition, resumeFrom, spokenTime, writePosition, type StorageLike } from "@/lib/player/resume";
import { SPEEDS, pickCaptionLang, readCaptionChoice, speedLabel, writeCaptionChoice, type CaptionOption } from "@/lib/player/settings";
import { attachStream, type Engine, type Level, type StreamHandle } from "@/lib/player/stream";
import { PlayerMenu } from "./PlayerMenu";

export type { TrailerSource };

export type TrailerPlayerProps = {
  slug: string;
  title: string;
  /** In order of preference; the browser plays the first it can. */
  sources: TrailerSource[];
  /** What the clip is, shown under the player and read with it. */
  caption: string;
  /**
   * A position kept elsewhere (the member's account, later). When given it is used instead
   * of this browser's saved position; the browser copy is still kept up to date.
   */
  initialPosition?: number;
  /** Called with the position whenever it is saved (every few seconds while playing, on pause, seek, leave). */
  onProgress?: (seconds: number) => void;
  /** The HLS master playlist, when the film has an adaptive stream. */
  hls?: string | null;
  /** A frame of the trailer shown before play. */
  poster?: string | null;
  /** WebVTT tracks, one per language. */
  captions?: CaptionOption[];
  /** The member's saved caption language (null: off); undefined when nothing is saved on the account. */
  initialCaptionLang?: string | null;
  /** Called when the viewer picks captions (null: off), e.g. to keep it on the member's account. */
  onCaptionChange?: (lang: string | null) => void;
};

const SEEK_STEP = 5;
const VOLUME_STEP = 0.1;
/** Keys the player answers; the browser's own handling of them (scrolling, its controls) is held back. */
const KEYS = new Set([" ", "k", "K", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "m", "M", "f", "F", "c", "C"]);

function storage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked (some privacy modes): resuming just does not happen
  }
}

const NO_CAPTIONS: CaptionOption[] = [];

type FullscreenVideo = HTMLVideoElement & { webkitEnterFullscreen?: () => void };

/**
 * The trailer in an HTML5 video with the browser's own controls, plus keyboard shortcuts
 * while the player has focus and "resume where you stopped" from this browser's storage.
 */
export function TrailerPlayer({
  slug,
  title,
  sources,
  caption,
  initialPosition,
  onProgress,
  hls,
  poster,
  captions = NO_CAPTIONS,
  initialCaptionLang,
  onCaptionChange,
}: TrailerPlayerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<StreamHandle | null>(null);
  // Which way the media reached the video; null until decided after hydration (nothing loads before).
  const [engine, setEngine] = useState<Engine | null>(null);
  const [levels, setLevels] = useState<Level[]>([]);
  const [playingLevel, setPlayingLevel] = useState<number>(-1);
  const [pinned, setPinned] = useState<number>(-1);
  const [captionLang, setCaptionLang] = useState<string | null>(null);
  const lastCaption = useRef<string | null>(null);
  const [speed, setSpeed] = useState(1);
  const [buffering, setBuffering] = useState(false);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [pipOk, setPipOk] = useState(false);
  const lastSave = useRef(0);
  const progressRef = useRef(onProgress);
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  // A short on-screen hint for a key press, and what a screen reader hears (also for the resume).
  const [flash, setFlash] = useState<{ text: string | null; spoken: string; n: number } | null>(null);
  const captionId = useId();
  const keysId = useId();

  useEffect(() => {
    progressRef.current = onProgress;
  }, [onProgress]);

  const save = useCallback(
    (force = false) => {
      const v = videoRef.current;
      if (!v || !Number.isFinite(v.duration)) return;
      const now = Date.now();
      if (!force && now - lastSave.current < SAVE_EVERY_MS) return;
      lastSave.current = now;
      const t = v.currentTime;
      if (v.ended) clearPosition(storage(), slug);
      else writePosition(storage(), slug, t);
      progressRef.current?.(v.ended ? 0 : t);
    },
    [slug],
  );

  // Choose how to play: hls.js (loaded only here, on demand) where the browser has Media
  // Source Extensions, the browser's own HLS, else the progressive files. Nothing loads
  // before this (preload="none" in the markup), so resume and captions apply to the
  // stream that stays. A stream that fails falls back to the progressive files.
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    let cancelled = false;
    setFailed(false);
    setPipOk(typeof document !== "undefined" && !!document.pictureInPictureEnabled && !v.disablePictureInPicture);
    void attachStream(v, hls ?? null, {
      onLevels: (l) => !cancelled && setLevels(l),
      onPlayingLevel: (i) => !cancelled && setPlayingLevel(i),
      onEngine: (e) => !cancelled && setEngine(e),
      onFatal: () => !cancelled && setFailed(true),
    }).then((handle) => {
      if (cancelled) handle.destroy();
      else streamRef.current = handle;
    });
    return () => {
      cancelled = true;
      streamRef.current?.destroy();
      streamRef.current = null;
    };
  }, [hls, attempt]);

  // Captions: the member's saved choice, else this browser's, if the film has that language.
  useEffect(() => {
    const wanted = initialCaptionLang !== undefined ? initialCaptionLang : readCaptionChoice(storage());
    const lang = pickCaptionLang(wanted, captions);
    // The saved choice lives in this browser's storage, known only after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCaptionLang(lang);
    if (lang) lastCaption.current = lang;
  }, [initialCaptionLang, captions]);

  // Show the chosen track with the browser's own caption rendering; hide the others.
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    const apply = () => {
      for (const el of Array.from(v.querySelectorAll("track"))) {
        el.track.mode = el.srclang === captionLang ? "showing" : "disabled";
      }
    };
    apply();
    // Some browsers re-enable a default track when the source changes.
    v.addEventListener("loadedmetadata", apply);
    return () => v.removeEventListener("loadedmetadata", apply);
  }, [captionLang, engine]);

  // Buffering and failure states, from the media element's own events.
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    let timer = 0;
    const waiting = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setBuffering(true), 250); // no flash for a short wait
    };
    const moving = () => {
      window.clearTimeout(timer);
      setBuffering(false);
    };
    // Only the files' failure is final: a stream's failure falls back to the files (lib/player/stream.ts).
    const error = () => {
      if (engine === "progressive") setFailed(true);
    };
    const rate = () => setSpeed(v.playbackRate);
    const on = ["playing", "canplay", "seeked", "pause", "ended", "emptied"];
    v.addEventListener("waiting", waiting);
    for (const e of on) v.addEventListener(e, moving);
    v.addEventListener("error", error);
    v.addEventListener("ratechange", rate);
    // With <source> children a failure is reported on the last source, not the video.
    const lastSource = v.querySelector("source:last-of-type");
    lastSource?.addEventListener("error", error);
    return () => {
      window.clearTimeout(timer);
      v.removeEventListener("waiting", waiting);
      for (const e of on) v.removeEventListener(e, moving);
      v.removeEventListener("error", error);
      v.removeEventListener("ratechange", rate);
      lastSource?.removeEventListener("error", error);
    };
  }, [engine]);

  // Resume once the duration is known.
  useEffect(() => {
    const v = videoRef.current;
    if (!v || !engine) return;
    let done = false;
    const apply = () => {
      if (done) return;
      done = true;
      const saved = initialPosition ?? readPosition(storage(), slug);
      const at = resumeFrom(saved, v.duration);
      if (at != null && v.currentTime < at - 0.5) {
        v.currentTime = at;
        setResumedAt(at);
        setFlash((f) => ({ text: null, spoken: `Picking up where you stopped, at ${spokenTime(at)}`, n: (f?.n ?? 0) + 1 }));
      }
    };
    if (v.readyState >= HTMLMediaElement.HAVE_METADATA) apply();
    else v.addEventListener("loadedmetadata", apply, { once: true });
    return () => v.removeEventListener("loadedmetadata", apply);
  }, [slug, initialPosition, engine]);

  // Save while playing (throttled), and at once on pause, seek, end and when the page goes away.
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    const onTime = () => save(false);
    const now = () => save(true);
    const onHidden = () => {
      if (document.visibilityState === "hidden") save(true);
    };
    v.addEventListener("timeupdate", onTime);
    for (const e of ["pause", "seeked", "ended"]) v.addEventListener(e, now);
    window.addEventListener("pagehide", now);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      save(true); // leaving by a link inside the app
      v.removeEventListener("timeupdate", onTime);
      for (const e of ["pause", "seeked", "ended"]) v.removeEventListener(e, now);
      window.removeEventListener("pagehide", now);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, [save]);

  // The on-screen hint fades after a moment.
  useEffect(() => {
    if (!flash) return;
    const t = window.setTimeout(() => setFlash(null), flash.text ? 1200 : 5000);
    return () => window.clearTimeout(t);
  }, [flash]);

  const show = (text: string, spoken = text) => setFlash((f) => ({ text, spoken, n: (f?.n ?? 0) + 1 }));
  const announce = (spoken: string) => setFlash((f) => ({ text: null, spoken, n: (f?.n ?? 0) + 1 }));

  function togglePlay(v: HTMLVideoElement) {
    if (v.paused || v.ended) {
      v.play().catch((err: unknown) => {
        // Blocked by the browser's autoplay rules; an AbortError only means a pause came first.
        if (err instanceof DOMException && err.name === "NotAllowedError") show("Press play to start");
      });
      show("Play");
    } else {
      v.pause();
      show("Pause");
    }
  }

  function seekBy(v: HTMLVideoElement, delta: number) {
    const end = Number.isFinite(v.duration) ? v.duration : Number.POSITIVE_INFINITY;
    const t = Math.min(Math.max(0, v.currentTime + delta), end);
    v.currentTime = t;
    show(
      `${delta > 0 ? "+" : "−"}${Math.abs(delta)} s · ${formatTime(t)}`,
      `${delta > 0 ? "Forward" : "Back"} ${Math.abs(delta)} seconds, at ${spokenTime(t)}`,
    );
  }

  function volumeBy(v: HTMLVideoElement, delta: number) {
    const vol = Math.round(Math.min(1, Math.max(0, v.volume + delta)) * 10) / 10;
    v.volume = vol;
    if (delta > 0 && v.muted) v.muted = false;
    show(v.muted ? "Muted" : `Volume ${Math.round(vol * 100)}%`, v.muted ? "Muted" : `Volume ${Math.round(vol * 100)} percent`);
  }

  function toggleFullscreen(v: FullscreenVideo) {
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => {});
    } else if (v.requestFullscreen) {
      void v.requestFullscreen().catch(() => show("Full screen is not available here"));
    } else {
      v.webkitEnterFullscreen?.(); // iPhone Safari
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const v = videoRef.current;
    if (!v || e.altKey || e.ctrlKey || e.metaKey) return;
    // Holding a toggle key down must not flicker play/pause, mute or full screen.
    if (e.repeat && KEYS.has(e.key) && !e.key.startsWith("Arrow")) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    switch (e.key) {
      case " ":
      case "k":
      case "K":
        togglePlay(v);
        break;
      case "ArrowLeft":
        seekBy(v, -SEEK_STEP);
        break;
      case "ArrowRight":
        seekBy(v, SEEK_STEP);
        break;
      case "ArrowUp":
        volumeBy(v, VOLUME_STEP);
        break;
      case "ArrowDown":
        volumeBy(v, -VOLUME_STEP);
        break;
      case "m":
      case "M":
        v.muted = !v.muted;
        show(v.muted ? "Muted" : "Sound on");
        break;
      case "f":
      case "F":
        toggleFullscreen(v);
        break;
      case "c":
      case "C":
        if (captions.length === 0) show("No captions for this film");
        else chooseCaptions(captionLang ? null : (lastCaption.current ?? captions[0]!.lang));
        break;
      default:
        return;
    }
    // Ours, not the page's (no scrolling on Space or arrows) nor the native controls' (no double toggle).
    e.preventDefault();
    e.stopPropagation();
  }

  // The native controls also answer some of these keys (Chromium toggles playback on Space): hold them back.
  function holdBack(e: KeyboardEvent<HTMLDivElement>) {
    if (!e.altKey && !e.ctrlKey && !e.metaKey && KEYS.has(e.key)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  function chooseCaptions(lang: string | null) {
    setCaptionLang(lang);
    if (lang) lastCaption.current = lang;
    writeCaptionChoice(storage(), lang);
    onCaptionChange?.(lang);
    const label = captions.find((c) => c.lang === lang)?.label;
    show(label ? `Captions: ${label}` : "Captions off");
  }

  function chooseQuality(value: string) {
    const i = Number(value);
    setPinned(i);
    streamRef.current?.setLevel(i);
    const l = levels.find((x) => x.index === i);
    show(l ? `Quality: ${l.name}` : "Quality: automatic");
  }

  function chooseSpeed(value: string) {
    const v = videoRef.current;
    const r = Number(value);
    if (!v || !SPEEDS.includes(r)) return;
    v.defaultPlaybackRate = r;
    v.playbackRate = r;
    show(`Speed ${speedLabel(r)}`, `Speed ${r === 1 ? "normal" : speedLabel(r)}`);
  }

  async function togglePip() {
    const v = videoRef.current;
    if (!v) return;
    try {
      if (document.pictureInPictureElement) await document.exitPictureInPicture();
      else await v.requestPictureInPicture();
    } catch {
      show("Picture in picture is not available here");
    }
  }

  function retry() {
    const v = videoRef.current;
    setFailed(false);
    setBuffering(false);
    if (v) {
      v.removeAttribute("src");
      v.load();
    }
    setAttempt((a) => a + 1);
  }

  function startOver() {
    const v = videoRef.current;
    setResumedAt(null);
    clearPosition(storage(), slug);
    announce("Starting from the beginning");
    if (!v) return;
    v.currentTime = 0;
    v.focus();
    v.play().catch(() => {});
  }

  const qualityName = (i: number) => levels.find((l) => l.index === i)?.name;
  const nowPlaying = qualityName(playingLevel);
  const qualityCurrent = pinned >= 0 ? (qualityName(pinned) ?? "Auto") : "Auto";
  const captionOptions = [{ value: "off", label: "Off" }, ...captions.map((c) => ({ value: c.lang, label: c.label, lang: c.lang }))];
  const captionCurrent = captions.find((c) => c.lang === captionLang)?.label ?? "Off";

  return (
    <figure className="flex flex-col gap-3" data-engine={engine ?? undefined}>
      <div
        // Capture phase: ahead of the native controls' own listeners on the video.
        onKeyDownCapture={onKeyDown}
        onKeyUpCapture={holdBack}
        onKeyPressCapture={holdBack}
        className="relative overflow-hidden rounded-xl bg-black shadow-lg ring-1 ring-line has-[video:focus-visible]:outline-3 has-[video:focus-visible]:outline-offset-3 has-[video:focus-visible]:outline-brand has-[video:focus-visible]:outline-solid"
      >
        <video
          ref={videoRef}
          controls
          playsInline
          // Nothing loads until the player has chosen between the stream and the files.
          preload="none"
          poster={poster ?? undefined}
          tabIndex={0}
          aria-label={`Trailer of ${title}`}
          aria-describedby={`${captionId} ${keysId}`}
          className="block aspect-video w-full bg-black focus-visible:outline-none"
        >
          {sources.map((s) => (
            <source key={s.src} src={s.src} type={s.type} />
          ))}
          {captions.map((c) => (
            <track key={c.lang} kind={c.kind} src={c.src} srcLang={c.lang} label={c.label} />
          ))}
          <p className="p-4 text-white">
            Your browser cannot play this video.{" "}
            {sources[0] ? (
              <a href={sources[0].src} className="underline">
                Download the trailer
              </a>
            ) : null}
          </p>
        </video>
        {buffering && !failed ? (
          <div className="pointer-events-none absolute inset-0 grid place-items-center">
            <div className="flex items-center gap-2 rounded-lg bg-black/75 px-3 py-1.5 text-sm font-semibold text-white">
              <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />
              Loading…
            </div>
          </div>
        ) : null}
        {failed ? (
          <div role="alert" className="absolute inset-0 grid place-items-center bg-black/85 p-6 text-center text-white">
            <div className="flex flex-col items-center gap-3">
              <p className="text-lg font-semibold">This preview cannot be played right now</p>
              <p className="text-sm text-white/80">Check your connection, then try again.</p>
              <div className="flex flex-wrap justify-center gap-3">
                <button type="button" onClick={retry} className="rounded-md bg-white px-4 py-1.5 text-sm font-semibold text-black hover:bg-white/90">
                  Try again
                </button>
                <Link href={`/films/${slug}`} className="rounded-md border border-white px-4 py-1.5 text-sm font-semibold text-white hover:bg-white/10">
                  Back to {title}
                </Link>
              </div>
            </div>
          </div>
        ) : null}
        {flash?.text ? (
          <div
            key={flash.n}
            aria-hidden="true"
            className="pointer-events-none absolute left-1/2 top-[45%] -translate-x-1/2 -translate-y-1/2 whitespace-nowrap rounded-lg bg-black/75 px-3 py-1.5 text-sm font-semibold text-white tabular-nums sm:text-base"
          >
            {flash.text}
          </div>
        ) : null}
      </div>
      <div role="group" aria-label="Player settings" className="flex flex-wrap items-center gap-2">
        {captions.length > 0 ? (
          <PlayerMenu
            label="Captions"
            current={captionCurrent}
            options={captionOptions}
            value={captionLang ?? "off"}
            onChange={(v) => chooseCaptions(v === "off" ? null : v)}
          />
        ) : null}
        {engine === "hls.js" && levels.length > 1 ? (
          <PlayerMenu
            label="Quality"
            current={qualityCurrent}
            options={[
              { value: "-1", label: nowPlaying ? `Auto (now ${nowPlaying})` : "Auto" },
              ...levels.map((l) => ({ value: String(l.index), label: l.name })),
            ]}
            value={String(pinned)}
            onChange={chooseQuality}
          />
        ) : null}
        {engine === "hls.js" && nowPlaying ? <span className="text-sm text-muted tabular-nums">Playing {nowPlaying}</span> : null}
        <PlayerMenu
          label="Speed"
          current={speedLabel(speed)}
          options={SPEEDS.map((r) => ({ value: String(r), label: r === 1 ? "Normal (1×)" : speedLabel(r) }))}
          value={String(speed)}
          onChange={chooseSpeed}
        />
        {pipOk ? (
          <button
            type="button"
            onClick={() => void togglePip()}
            className="rounded-md border border-line bg-page px-3 py-1.5 text-sm font-semibold hover:bg-surface"
          >
            Picture in picture
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => videoRef.current && toggleFullscreen(videoRef.current)}
          className="rounded-md border border-line bg-page px-3 py-1.5 text-sm font-semibold hover:bg-surface"
        >
          Full screen
        </button>
      </div>
      <p role="status" className="sr-only">
        {flash?.spoken ?? ""}
      </p>
      {resumedAt != null ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-line bg-surface px-3 py-2 text-sm">
          <p>
            <span aria-hidden="true" className="mr-1.5 inline-block h-2 w-2 rounded-full bg-brand align-middle" />
            Resuming from <span className="font-semibold tabular-nums">{formatTime(resumedAt)}</span>
            <span className="text-muted">, where you stopped last time.</span>
          </p>
          <button type="button" onClick={startOver} className="rounded-md border border-line bg-page px-3 py-1 font-semibold text-brand hover:bg-surface">
            Start over
          </button>
        </div>
      ) : null}
      <figcaption id={captionId} className="text-sm text-muted">
        {caption}
      </figcaption>
      <p id={keysId} className="sr-only">
        With the player selected: Space or K plays and pauses, the left and right arrows skip 5 seconds, the up and down arrows change the volume, M mutes, C
        switches captions, F switches full screen.
      </p>
    </figure>
  );
}
