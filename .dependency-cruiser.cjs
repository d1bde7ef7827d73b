/**
 * Import rules that keep the layers visible (run by `npm run lint:deps`):
 * domains (plan, evidence, progress, report, db) point inward only; src/shared runs in the renderer too, so it
 * imports nothing from the processes; only src/main/platform and the preload touch electron; the renderer never
 * reaches Node or main-process code; no import cycles.
 */
// resolved paths (node_modules/<package>/…): the cruise keeps node_modules in the graph so these rules can see it
const NODE_ONLY =
  '(^|/)node_modules/(better-sqlite3|drizzle-orm|simple-git|iconv-lite|tsx|playwright-core|electron)(/|$)'

module.exports = {
  forbidden: [
    {
      name: 'domains-point-inward',
      comment:
        'A domain is plain TypeScript with its dependencies passed in: it never imports the layers that call it.',
      severity: 'error',
      from: { path: '^src/main/(plan|evidence|progress|report|db)/' },
      to: { path: '^src/(main/(rpc|web|platform|services|usecases)/|main/bootstrap|cli/|renderer/|preload/)' },
    },
    {
      name: 'sql-only-in-stores',
      comment:
        'Handlers, use cases and services reach the database through the stores (src/main/db/*-store.ts): no table ' +
        'definitions, no query builder outside src/main/db.',
      severity: 'error',
      from: { path: '^src/main/(rpc|usecases|services|web|printers|bootstrap)' },
      to: { path: '^src/main/db/schema\\.ts$|(^|/)node_modules/drizzle-orm/' },
    },
    {
      name: 'handlers-call-use-cases',
      comment:
        'A handler is one line calling a use case (src/main/usecases/); the use case reaches stores and domains.',
      severity: 'error',
      from: { path: '^src/main/rpc/handlers/' },
      to: { path: '^src/main/(db|services|evidence|plan|progress|report|printers|web|platform)/' },
    },
    {
      name: 'shared-imports-no-process-code',
      comment: 'src/shared runs in the renderer and the core alike.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|renderer|cli|preload)/' },
    },
    {
      name: 'shared-imports-no-node',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-imports-no-node-packages',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: NODE_ONLY },
    },
    {
      name: 'electron-only-in-platform',
      severity: 'error',
      from: { pathNot: '^src/(main/platform|preload)/' },
      to: { path: '^electron$|^electron/|node_modules/electron/' },
    },
    {
      name: 'renderer-never-reaches-node',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|cli|preload)/' },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node-packages',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: NODE_ONLY },
    },
    {
      name: 'cli-without-electron-shell',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/main/platform/' },
    },
    {
      name: 'cli-never-reaches-electron',
      comment: 'The CLI and browser mode run in plain Node: nothing they load, however indirectly, is Electron code.',
      severity: 'error',
      from: { path: '^src/cli/(main|web|start)\\.ts$' },
      to: { path: '^src/main/platform/|^electron$|node_modules/electron/', reachable: true },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: '^src/' },
      // a cycle made only of type imports vanishes at runtime (zustand slices typed by the store they build)
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
}
