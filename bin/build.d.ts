// Types of bin/build.js (plain JavaScript so that it runs before anything is built).
export type BuildPart = 'node' | 'renderer';
export const packageRoot: string;
export const BUILD_PARTS: Record<BuildPart, { outputs: string[]; sourceDirs: string[] }>;
export function isCheckout(root?: string): boolean;
export function buildReason(part: BuildPart, root?: string): string | null;
export function runBuild(parts: BuildPart[], root?: string): void;
export function ensureBuilt(parts: BuildPart[], log: (line: string) => void, root?: string): void;
