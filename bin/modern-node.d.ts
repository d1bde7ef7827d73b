export declare const MINIMUM_MAJOR: number
export declare function majorOf(version: string): number
/** Newer Node binaries this machine may hold, most explicit first. */
export declare function candidateNodes(env?: NodeJS.ProcessEnv, home?: string): string[]
export declare function ensureModernNode(name: string, script: string): void
