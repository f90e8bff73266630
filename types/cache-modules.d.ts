declare module "@/lib/cache/handler.mjs" {
  const Handler: new () => unknown;
  export default Handler;
  export function serialize(entry: unknown): string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export function deserialize(text: string): any;
}
declare module "@/lib/cache/front.mjs" {
  export function createFrontCache(opts: { maxBytes: number; ttlMs: number; gzip: (b: Buffer) => Buffer }): {
    clear(): void;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    serve(req: any, res: any): boolean;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    capture(req: any, res: any): void;
  };
}
declare module "next/dist/server/lib/incremental-cache/tags-manifest.external.js" {
  export const tagsManifest: Map<string, { stale?: number; expired?: number }>;
}
