import { z } from 'zod'

// A CLI process parses each schema once or twice and exits: generating zod's compiled fast paths (new Function, then
// V8 compiling them) costs more than it saves — about half of `readiness status`'s validation time. The flag is read
// when a schema is built, so bin/launch.js imports this module on its own before the CLI (a bundle may hoist the
// CLI's schema chunks above any statement of its entry).
z.config({ jitless: true })
