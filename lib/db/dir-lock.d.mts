export type LockOwner = { pid: number; start?: string | null; host?: string; command?: string; since?: string };
export declare class DataDirLockedError extends Error {
  dataDir: string;
  pid: number;
  constructor(dataDir: string, owner: LockOwner);
}
export declare function lockPathFor(dataDir: string): string;
export declare function lockOwner(dataDir: string): LockOwner | null;
export declare function acquireDataDirLock(dataDir: string, command?: string): () => void;
export declare function embeddedDataDir(env?: NodeJS.ProcessEnv, cwd?: string): string | null;
export declare function controlSocketPath(dataDir: string): string;
