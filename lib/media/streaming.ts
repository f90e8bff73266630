import "server-only";
// Streaming versions (the HLS ladder) of an uploaded trailer: the film editor starts them
// when a film is saved with a new uploaded trailer, and its page shows their progress.
// The work happens in the background queue (lib/media/transcode.ts: one ffmpeg at a
// time, once per upload), never on a page view; the watch page plays the uploaded file
// until the versions are on disk. Progress lives in this server process: behind a load
// balancer an editor sees it from the instance that took the save.
import path from "node:path";
import { hlsUrlIfPresent } from "./hls";
import { transcodeQueue, type TranscodeQueue } from "./transcode";
import { isUploadPath, uploadFilePath } from "../uploads/paths";

export type StreamingStatus =
  | { state: "none" }
  | { state: "queued" | "running"; progress: number }
  | { state: "done"; url: string }
  | { state: "failed"; error: string };

/**
 * The newest job asked for each film (by slug), or the reason it could not start. On
 * globalThis, like the queue: the save (a server action) and the status route are bundled apart.
 */
type Asked = { jobId: string } | { error: string };
const g = globalThis as { __marqueeStreaming?: Map<string, Asked> };
const latest: Map<string, Asked> = (g.__marqueeStreaming ??= new Map<string, Asked>());

function explain(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err?.code === "ENOENT") return "ffmpeg is not installed on this server (install it, or set FFMPEG and FFPROBE).";
  return err instanceof Error ? err.message : "The trailer could not be read.";
}

/**
 * Queues the streaming versions of the film's uploaded trailer; resolves once queued (or
 * refused: a bundled trailer needs none, a file that is not a video is recorded as failed).
 */
export async function startStreamingVersions(slug: string, trailerPath: string, queue: TranscodeQueue = transcodeQueue()): Promise<StreamingStatus> {
  if (!isUploadPath(trailerPath, "trailers")) return { state: "none" };
  const file = uploadFilePath("trailers", path.basename(trailerPath));
  if (!file) return { state: "none" };
  try {
    const job = await queue.enqueue({ slug, input: file });
    latest.set(slug, { jobId: job.id });
  } catch (e) {
    latest.set(slug, { error: explain(e) });
  }
  return streamingStatus(slug, queue);
}

/** Where the film's streaming versions stand: from this process's queue, else from disk. */
export function streamingStatus(slug: string, queue: TranscodeQueue = transcodeQueue()): StreamingStatus {
  const asked = latest.get(slug);
  if (asked && "error" in asked) return { state: "failed", error: asked.error };
  const job = asked ? queue.get(asked.jobId) : undefined;
  if (job) {
    if (job.state === "done") return { state: "done", url: job.url ?? "" };
    if (job.state === "failed") return { state: "failed", error: job.error ?? "The transcoder stopped." };
    return { state: job.state, progress: job.progress };
  }
  const onDisk = hlsUrlIfPresent(slug);
  return onDisk ? { state: "done", url: onDisk } : { state: "none" };
}
