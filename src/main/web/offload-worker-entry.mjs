// Worker thread entry of browser mode's offloaded calls: the sources are TypeScript, run through tsx as in bin/web.js.
import { register } from 'tsx/esm/api'

register()
await import('./offload-worker.ts')
