// Next's incremental cache (cached pages, route responses and unstable_cache data) for
// Marquee, loaded by `next start` through next.config.ts `cacheHandler`.
//
// - Every instance keeps a size-bounded in-memory copy (LRU): a visitor's page is served
//   from memory without a round trip.
// - With REDIS_URL, entries are also written to Redis (with a TTL) so a new or restarted
//   instance starts warm, and every tag invalidation is stored in a Redis hash and
//   published: each instance applies it to Next's tag manifest, so a review posted
//   through one instance expires the pages on all of them within milliseconds.
// - Redis is an accelerator, never a dependency: when it is down, reads fall back to the
//   local copy or a render, writes keep working, and one warning a minute is logged.
//
// Plain JavaScript: Next imports it at run time, outside the bundles.
import Redis from "ioredis";
import { tagsManifest } from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";

const MAX_BYTES = Math.max(8, Number(process.env.CACHE_MEMORY_MB) || 256) * 1024 * 1024;
const REDIS_TTL_SECONDS = 24 * 3600;
const PREFIX = "marquee:cache:";
const TAGS_HASH = "marquee:tags";
const TAGS_CHANNEL = "marquee:tags";
const INSTANCE = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

// ---------- values with Buffers and Maps, as JSON ----------
function replacer(_key, value) {
  if (value && value.type === "Buffer" && Array.isArray(value.data)) return { $b: Buffer.from(value.data).toString("base64") };
  if (value instanceof Map) return { $m: [...value.entries()] };
  return value;
}
function reviver(_key, value) {
  if (value && typeof value === "object") {
    if (typeof value.$b === "string") return Buffer.from(value.$b, "base64");
    if (Array.isArray(value.$m)) return new Map(value.$m);
  }
  return value;
}
export const serialize = (entry) => JSON.stringify(entry, replacer);
export const deserialize = (text) => JSON.parse(text, reviver);

function sizeOf(value) {
  if (!value) return 64;
  switch (value.kind) {
    case "APP_PAGE": {
      let n = (value.html?.length ?? 0) + (value.rscData?.length ?? 0) + (value.postponed?.length ?? 0);
      if (value.segmentData) for (const [k, b] of value.segmentData) n += k.length + (b?.length ?? 0);
      return n + 256;
    }
    case "APP_ROUTE":
      return (value.body?.length ?? 0) + 256;
    case "FETCH":
      return JSON.stringify(value.data ?? "").length + 256;
    default:
      return JSON.stringify(value).length;
  }
}

// ---------- one process-wide state (Next may construct the handler more than once) ----------
const g = globalThis;
const shared = (g.__marqueeCache ??= { memory: new Map(), bytes: 0, redis: undefined, sub: undefined, lastWarn: 0, lookedUp: new Map() });
shared.lookedUp ??= new Map();

/**
 * When a key was last looked up and missed, or found expired by a tag: Next renders (or
 * refetches) right after and stores the result. The entry is dated from that lookup, not
 * from when it is stored, so a write that expires a tag while the render is still
 * reading the database leaves the entry older than the expiry: the next request renders
 * it again instead of keeping the stale copy. A fresh hit forgets the lookup.
 */
function noteLookup(key, entry, ctxTags) {
  if (entry && !expiredByTag(entry, ctxTags)) {
    shared.lookedUp.delete(key);
    return;
  }
  if (!shared.lookedUp.has(key)) {
    if (shared.lookedUp.size > 50_000) shared.lookedUp.clear();
    shared.lookedUp.set(key, Date.now());
  }
}
function expiredByTag(entry, ctxTags) {
  const header = entry.value?.headers?.["x-next-cache-tags"];
  const tags = [...(ctxTags ?? []), ...(entry.tags ?? []), ...(typeof header === "string" ? header.split(",") : [])];
  const now = Date.now();
  return tags.some((t) => {
    const m = tagsManifest.get(t);
    return typeof m?.expired === "number" && m.expired <= now && m.expired > entry.lastModified;
  });
}
function startedAt(key) {
  const t = shared.lookedUp.get(key);
  shared.lookedUp.delete(key);
  return t !== undefined && Date.now() - t < 120_000 ? t : Date.now();
}

function warn(what, err) {
  const now = Date.now();
  if (now - shared.lastWarn < 60_000) return;
  shared.lastWarn = now;
  console.warn(`[cache] Redis ${what}: ${err?.message ?? err} (serving from this instance; next warning in a minute at the earliest)`);
}

function remember(key, entry, size) {
  const old = shared.memory.get(key);
  if (old) {
    shared.bytes -= old.size;
    shared.memory.delete(key);
  }
  shared.memory.set(key, { entry, size });
  shared.bytes += size;
  for (const [k, v] of shared.memory) {
    if (shared.bytes <= MAX_BYTES) break;
    shared.memory.delete(k);
    shared.bytes -= v.size;
  }
}

/** Applies an invalidation to Next's tag manifest (the same shape Next's own cache writes). */
function applyTag(tag, update) {
  // The front cache of scripts/server.mjs keeps whole pages: any invalidation empties it.
  globalThis.__marqueeFrontCache?.clear();
  const cur = tagsManifest.get(tag) || {};
  const next = { ...cur };
  if (typeof update.stale === "number") next.stale = Math.max(cur.stale ?? 0, update.stale);
  if (typeof update.expired === "number") next.expired = Math.max(cur.expired ?? 0, update.expired);
  tagsManifest.set(tag, next);
}

function redisUrl() {
  const url = process.env.REDIS_URL;
  return url && /^rediss?:\/\//.test(url) ? url : null;
}

function connect() {
  if (shared.redis !== undefined) return shared.redis;
  const url = redisUrl();
  if (!url) return (shared.redis = null);
  const opts = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 500,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
  const redis = new Redis(url, opts);
  redis.on("error", (e) => warn("error", e));
  // Invalidations made while this instance was away: load them all on every (re)connect.
  redis.on("ready", () => {
    redis
      .hgetall(TAGS_HASH)
      .then((all) => {
        for (const [tag, json] of Object.entries(all)) applyTag(tag, JSON.parse(json));
      })
      .catch((e) => warn("tag sync failed", e));
  });
  const sub = new Redis(url, { ...opts, enableOfflineQueue: true, commandTimeout: undefined });
  sub.on("error", (e) => warn("subscriber error", e));
  sub.subscribe(TAGS_CHANNEL).catch((e) => warn("subscribe failed", e));
  sub.on("message", (_channel, message) => {
    try {
      const { from, tags, update } = JSON.parse(message);
      if (from === INSTANCE) return;
      for (const tag of tags) applyTag(tag, update);
    } catch {
      /* a malformed message is ignored */
    }
  });
  shared.sub = sub;
  return (shared.redis = redis);
}

const DEBUG = process.env.CACHE_DEBUG === "1";
const dbg = (...a) => DEBUG && console.log("[cache]", Date.now(), ...a);

/**
 * Expires tags at once in this process and on every instance. Server actions call it
 * (lib/actions/run.ts) besides updateTag: Next applies updateTag only after the action's
 * response, and the page the action sends back would otherwise be the stale one.
 */
async function expireTags(tags) {
  const list = tags.filter(Boolean);
  if (list.length > 0) await shareTags(list, { expired: Date.now() });
}
globalThis.__marqueeExpireTags = expireTags;

async function shareTags(list, update) {
  for (const tag of list) applyTag(tag, update);
  const redis = connect();
  if (!redis || redis.status !== "ready") return;
  try {
    const fields = list.flatMap((tag) => [tag, JSON.stringify(tagsManifest.get(tag))]);
    await redis
      .multi()
      .hset(TAGS_HASH, ...fields)
      .publish(TAGS_CHANNEL, JSON.stringify({ from: INSTANCE, tags: list, update }))
      .exec();
  } catch (e) {
    warn("invalidation not shared", e);
  }
}

export default class MarqueeCacheHandler {
  constructor() {
    connect();
  }

  async get(key, ctx) {
    const ctxTags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    const hit = shared.memory.get(key);
    noteLookup(key, hit?.entry, ctxTags);
    dbg("get", key.slice(0, 90), ctx?.kind, hit ? `hit lm=${hit.entry.lastModified}` : "miss", JSON.stringify(ctx?.tags ?? []));
    if (hit) {
      // LRU: most recently used last.
      shared.memory.delete(key);
      shared.memory.set(key, hit);
      return hit.entry;
    }
    const redis = connect();
    if (!redis || redis.status !== "ready") return null;
    try {
      const text = await redis.get(PREFIX + key);
      if (!text) return null;
      const entry = deserialize(text);
      noteLookup(key, entry, ctxTags);
      remember(key, entry, text.length);
      return entry;
    } catch (e) {
      warn("read failed", e);
      return null;
    }
  }

  async set(key, data, ctx) {
    const entry = { value: data, lastModified: startedAt(key), tags: ctx?.tags ?? [], cacheControl: ctx?.cacheControl };
    dbg("set", key.slice(0, 90), data?.kind, JSON.stringify(ctx?.tags ?? []));
    remember(key, entry, sizeOf(data));
    const redis = connect();
    if (!redis || redis.status !== "ready") return;
    try {
      await redis.set(PREFIX + key, serialize(entry), "EX", REDIS_TTL_SECONDS);
    } catch (e) {
      warn("write failed", e);
    }
  }

  async revalidateTag(tags, durations) {
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    dbg("revalidateTag", JSON.stringify(list), JSON.stringify(durations ?? null));
    if (list.length === 0) return;
    const now = Date.now();
    // As Next's own cache: stale at once; expired at once unless a later expiry is given.
    const update = durations ? { stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) } : { expired: now };
    await shareTags(list, update);
  }

  resetRequestCache() {}
}
