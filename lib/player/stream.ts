// How the player's media reaches the <video>: HLS through hls.js (loaded on demand, so it
// is only ever in the watch page's lazily loaded chunks), the browser's own HLS (Safari,
// iOS), or the progressive files in the <source> children. Browser only.
import type HlsType from "hls.js";

export type Engine = "hls.js" | "native-hls" | "progressive";
/** One rendition of the stream; index is hls.js's level index. */
export type Level = { index: number; height: number; name: string; bitrate: number };
export type StreamHandle = { destroy(): void; setLevel(index: number): void };

type Callbacks = {
  onEngine: (engine: Engine) => void;
  onLevels: (levels: Level[]) => void;
  onPlayingLevel: (index: number) => void;
  /** Neither the stream nor a file could play. */
  onFatal: () => void;
};

const noop: StreamHandle = { destroy() {}, setLevel() {} };
const CODECS = 'video/mp4; codecs="avc1.4d401e,mp4a.40.2"';

type MseWindow = Window & { ManagedMediaSource?: { isTypeSupported(t: string): boolean }; MediaSource?: { isTypeSupported(t: string): boolean } };

/** True when Media Source Extensions can play our H.264/AAC segments (then hls.js can). */
export function canUseMse(w: MseWindow = window): boolean {
  const ms = w.ManagedMediaSource ?? w.MediaSource;
  try {
    return !!ms && typeof ms.isTypeSupported === "function" && ms.isTypeSupported(CODECS);
  } catch {
    return false;
  }
}

/** Plays the <source> children, keeping the position the viewer was at. */
function progressive(video: HTMLVideoElement, cb: Callbacks, at = 0): StreamHandle {
  if (!video.querySelector("source")) {
    cb.onFatal();
    return noop;
  }
  // With <source> children a failure of all of them is reported on the last one, not the video.
  video.querySelector("source:last-of-type")?.addEventListener("error", () => cb.onFatal(), { once: true });
  video.removeAttribute("src");
  video.preload = "metadata";
  if (at > 0) video.addEventListener("loadedmetadata", () => (video.currentTime = at), { once: true });
  video.load();
  cb.onEngine("progressive");
  return noop;
}

export async function attachStream(video: HTMLVideoElement, url: string | null, cb: Callbacks): Promise<StreamHandle> {
  if (!url) return progressive(video, cb);

  if (canUseMse()) {
    let Hls: typeof HlsType;
    try {
      Hls = (await import("hls.js/light")).default;
    } catch {
      return progressive(video, cb); // the chunk did not load (offline, blocked)
    }
    if (Hls.isSupported()) {
      // Short buffers suit trailers and let the rendition follow the connection closely.
      const hls = new Hls({ maxBufferLength: 6, maxMaxBufferLength: 12, backBufferLength: 4, capLevelToPlayerSize: false });
      let handle: StreamHandle = {
        destroy: () => hls.destroy(),
        setLevel: (i) => {
          hls.currentLevel = i; // -1: automatic again
        },
      };
      let recovered = false;
      hls.on(Hls.Events.MANIFEST_PARSED, (_e, data) => {
        const levels = data.levels
          .map((l, index) => ({ index, height: l.height, name: `${l.height}p`, bitrate: l.bitrate }))
          .sort((a, b) => b.height - a.height);
        cb.onLevels(levels);
      });
      hls.on(Hls.Events.FRAG_CHANGED, (_e, data) => cb.onPlayingLevel(data.frag.level));
      hls.on(Hls.Events.ERROR, (_e, data) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recovered) {
          recovered = true;
          hls.recoverMediaError();
          return;
        }
        // The stream is gone for good: play the files instead, from the same place.
        const at = video.currentTime;
        hls.destroy();
        cb.onLevels([]);
        handle = progressive(video, cb, at);
      });
      hls.loadSource(url);
      hls.attachMedia(video);
      cb.onEngine("hls.js");
      return { destroy: () => handle.destroy(), setLevel: (i) => handle.setLevel(i) };
    }
  }

  if (video.canPlayType("application/vnd.apple.mpegurl")) {
    const onError = () => progressive(video, cb, video.currentTime);
    video.addEventListener("error", onError, { once: true });
    video.preload = "metadata";
    video.src = url;
    cb.onEngine("native-hls");
    return { destroy: () => video.removeEventListener("error", onError), setLevel() {} };
  }

  return progressive(video, cb);
}
