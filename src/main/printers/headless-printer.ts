import type { Core } from '../bootstrap'
import { installedElectronBinary, isExecutableFile, locateBrowser } from './chromium-locate'
import type { HeadlessPdfPort } from './chromium-printer'

/**
 * The PDF printer of a headless host (CLI, browser mode, tests), given to openCore as `pdf`: the print view served
 * by this core, printed by the Chromium found via CHROMIUM_PATH, the system or the installed Electron. The printer
 * and its HTTP server are loaded on the first print (a command that prints nothing never loads them); closing the
 * core closes the browser.
 */
export function headlessPrinter(rendererDir: string, projectRoot: string): (core: Core) => HeadlessPdfPort {
  return (core) => {
    let printer: Promise<HeadlessPdfPort> | null = null
    const load = () =>
      (printer ??= import('./chromium-printer').then(({ createHeadlessPdfPort }) =>
        createHeadlessPdfPort({
          core,
          rendererDir,
          locate: () =>
            locateBrowser({
              env: process.env,
              platform: process.platform,
              isExecutable: isExecutableFile,
              electronBinary: installedElectronBinary(projectRoot),
            }),
        }),
      ))
    return {
      print: async (request) => (await load()).print(request),
      close: async () => void (await printer?.then((loaded) => loaded.close())),
    }
  }
}
