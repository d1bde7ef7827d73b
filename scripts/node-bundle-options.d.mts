import type { BuildOptions } from 'esbuild'

export declare const NODE_BUNDLE_EXTERNAL: string[]
export declare const nodeBundleOptions: BuildOptions
