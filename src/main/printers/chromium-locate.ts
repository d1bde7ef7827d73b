import { accessSync, constants, readFileSync, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export interface BrowserLocation {
  kind: 'chromium' | 'electron'
  path: string
  /** how it was found, for messages */
  via: 'CHROMIUM_PATH' | 'system' | 'electron'
}

export interface LocateDeps {
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  isExecutable(path: string): boolean
  /** the Electron binary installed with the app's dependencies, or null */
  electronBinary: string | null
}

export type LocateResult = { found: BrowserLocation } | { missing: string }

/** Common install locations of Chromium-based browsers, by platform. */
export function systemBrowserPaths(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]
  }
  if (platform === 'win32') {
    const roots = [
      env.PROGRAMFILES ?? 'C:\\Program Files',
      env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
      env.LOCALAPPDATA,
    ].filter((r): r is string => Boolean(r))
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ])
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ]
}

/**
 * Where to find a browser to print with: CHROMIUM_PATH, then common system paths, then the installed Electron.
 * READINESS_CHROMIUM_SEARCH (paths separated by the platform's delimiter; empty = none) replaces the
 * system paths and Electron, so a test can simulate a machine without any.
 */
export function locateBrowser(deps: LocateDeps): LocateResult {
  const explicit = deps.env.CHROMIUM_PATH?.trim()
  if (explicit && deps.isExecutable(explicit))
    return { found: { kind: 'chromium', path: explicit, via: 'CHROMIUM_PATH' } }
  const override = deps.env.READINESS_CHROMIUM_SEARCH
  const candidates: BrowserLocation[] =
    override !== undefined
      ? override
          .split(delimiter)
          .filter(Boolean)
          .map((path) => ({ kind: 'chromium', path, via: 'system' }))
      : [
          ...systemBrowserPaths(deps.platform, deps.env).map((path): BrowserLocation => ({
            kind: 'chromium',
            path,
            via: 'system',
          })),
          ...(deps.electronBinary
            ? [{ kind: 'electron', path: deps.electronBinary, via: 'electron' } satisfies BrowserLocation]
            : []),
        ]
  const found = candidates.find((candidate) => deps.isExecutable(candidate.path))
  if (found) return { found }
  const tried = explicit ? `CHROMIUM_PATH=${explicit} is not an executable file, and` : 'CHROMIUM_PATH is not set, and'
  return {
    missing: `No Chromium to print the PDF with: ${tried} no Chromium, Chrome, Edge or Electron was found in ${candidates.length} usual places. Install Chromium or set CHROMIUM_PATH to a Chromium/Chrome executable.`,
  }
}

export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The binary of the `electron` package next to the app's sources, found the way the package itself finds it
 * (`node_modules/electron/path.txt`, or ELECTRON_OVERRIDE_DIST_PATH), or null when it is not installed. Never
 * loads the package: requiring it starts a download when the binary is missing.
 */
export function installedElectronBinary(
  projectRoot: string,
  env: Record<string, string | undefined> = process.env,
): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron')
  let relative = ''
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim()
  } catch {
    // not downloaded (or the install step never ran)
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, relative || 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null
  return binary && isExecutableFile(binary) ? binary : null
}
