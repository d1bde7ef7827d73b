import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { installedElectronBinary } from '../main/printers/chromium-locate'
import { projectRoot } from '../main/source-layout'
import { runBrowserMode } from './browser-mode'

/** How to get the desktop app when Electron's download failed or was skipped. */
export const FETCH_ELECTRON = 'node node_modules/electron/install.js'

export const NO_ELECTRON_LINE = `readiness: Electron's binary is not installed (its download failed or was skipped), so the cockpit opens in your browser instead; \`${FETCH_ELECTRON}\` fetches it for the desktop app.`

export const NO_ELECTRON_NOTICE = `Browser mode: the desktop app could not start because Electron's binary is not installed. Run \`${FETCH_ELECTRON}\` in the project, then \`npm start\` again, for the desktop app.`

/**
 * `npm start`: the desktop app (electron-vite preview) when Electron's binary is installed; otherwise one line
 * saying so and how to fetch it, then the same cockpit in the browser with a notice — the first command always
 * opens the cockpit. Arguments go to electron-vite, or to the browser mode (`--db`, `--port`, `--no-open`).
 */
async function main(argv: string[]): Promise<void> {
  if (installedElectronBinary(projectRoot)) {
    const child = spawn(
      process.execPath,
      [join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview', ...argv],
      { stdio: 'inherit' },
    )
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
    return
  }
  process.stderr.write(`${NO_ELECTRON_LINE}\n`)
  await runBrowserMode(argv, { notice: NO_ELECTRON_NOTICE })
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`readiness start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(2)
})
