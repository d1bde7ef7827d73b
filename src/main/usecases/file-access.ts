import { existsSync, statSync } from 'node:fs'
import { dirname, extname, isAbsolute, resolve } from 'node:path'
import { AppError } from '../../shared/rpc'
import type { PlatformPort } from './context'

/**
 * Which file paths a call may use. The rule: paths only come from the user's own choices.
 * - browser mode: plans arrive as uploads and exports leave as downloads, so no path is read or written for them;
 *   a backup goes to the app's backups folder, or to a path the lead typed, never replacing a file unless the lead
 *   confirmed it (`overwrite`), and only as a database file (.db, .sqlite);
 * - desktop app: a file is written only where the native save dialog (which asks before replacing) said, once; only
 *   files this session wrote are opened or revealed;
 * - CLI: the paths on the command line are the user's choice.
 */
export type WriteUse = 'export' | 'backup'

const BACKUP_EXTENSIONS = ['.db', '.sqlite', '.sqlite3']

export class FileAccess {
  private readonly chosenInDialog = new Set<string>()
  private readonly written = new Set<string>()

  constructor(private readonly mode: PlatformPort['mode']) {}

  /** the native save dialog returned this path (the dialog itself confirmed any replacement) */
  grantFromDialog(path: string): void {
    this.chosenInDialog.add(resolve(path))
  }

  /** a plan read from a path (not an upload) */
  checkPlanPath(path: string): void {
    if (this.mode === 'web')
      throw new AppError(
        'unsupported',
        'In browser mode, choose the plan file with the file picker (or drop it); the server does not open paths.',
      )
    if (!isAbsolute(path)) throw new AppError('bad-input', `Give the plan's full path (got "${path}")`)
  }

  /** where a call may write; throws when the path was not the user's choice or would replace a file unconfirmed */
  checkWriteTarget(path: string, use: WriteUse, overwrite = false): string {
    if (!isAbsolute(path)) throw new AppError('bad-input', `Give the full path to write (got "${path}")`)
    const target = resolve(path)
    // a path on the command line is the user's explicit choice, as with any CLI tool
    if (this.mode === 'cli' && use === 'export') return target
    if (this.mode === 'electron') {
      if (!this.chosenInDialog.delete(target))
        throw new AppError('unsupported', 'Choose where to save with the save dialog.')
      return target
    }
    if (this.mode === 'web') {
      if (use === 'export')
        throw new AppError(
          'unsupported',
          'In browser mode, exports are downloads; the server does not write them to a path.',
        )
      if (!BACKUP_EXTENSIONS.includes(extname(target).toLowerCase()))
        throw new AppError('bad-input', `A backup file name ends in ${BACKUP_EXTENSIONS.join(', ')} (got "${path}")`)
    }
    if (existsSync(target)) {
      if (statSync(target).isDirectory()) throw new AppError('bad-input', `${target} is a folder`)
      if (!overwrite) throw new AppError('conflict', `${target} already exists; confirm to replace it`)
    } else if (!existsSync(dirname(target))) {
      throw new AppError('bad-input', `The folder ${dirname(target)} does not exist`)
    }
    return target
  }

  recordWritten(path: string): void {
    this.written.add(resolve(path))
  }

  /** the desktop app opens or reveals only what it wrote in this session */
  checkOpenable(path: string): void {
    if (this.mode === 'electron' && !this.written.has(resolve(path)))
      throw new AppError('unsupported', 'Only files exported in this session can be opened from here.')
  }
}
