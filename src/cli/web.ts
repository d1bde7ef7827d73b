import { runBrowserMode } from './browser-mode'

/** `npm run web`: the app in a browser, served on 127.0.0.1 with a per-run token. First stdout line = the URL. */
runBrowserMode(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`readiness web: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(2)
})
