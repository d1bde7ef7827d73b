/** The bundled entry (`main`, `web`, `start`) if out/cli is up to date with its sources, else why not. */
export function prebuiltEntry(entry: string, root?: string, outDir?: string): { path: string } | { stale: string }
/** Imports the entry, prebuilt when current, else from source through tsx (with a one-line note). */
export function launch(entry: string): Promise<unknown>
