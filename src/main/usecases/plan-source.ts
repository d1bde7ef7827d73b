import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { PlanSource } from '../../shared/contract/plans'
import { AppError } from '../../shared/rpc'
import type { FileAccess } from './file-access'
import { MAX_PLAN_BYTES, planTooLargeMessage } from '../../shared/plan-model'

export interface LoadedSource {
  name: string
  bytes: Uint8Array
  sha256: string
}

/** Reads plan bytes from a path or an upload, refusing anything over the 20 MB plan limit before reading it. */
export function loadPlanSource(source: PlanSource, files: FileAccess): LoadedSource {
  let name: string
  let bytes: Uint8Array
  if ('path' in source) {
    files.checkPlanPath(source.path)
    name = basename(source.path)
    let size: number
    try {
      const stat = statSync(source.path)
      if (!stat.isFile()) throw new AppError('bad-input', `${source.path} is not a file`)
      size = stat.size
    } catch (error) {
      if (error instanceof AppError) throw error
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AppError('bad-input', `No such file or directory: ${source.path}`)
      throw new AppError(
        'bad-input',
        `Cannot read ${source.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      )
    }
    if (size > MAX_PLAN_BYTES) throw new AppError('bad-input', planTooLargeMessage(name, size))
    bytes = readFileSync(source.path)
  } else {
    name = source.name
    bytes = Buffer.from(source.base64, 'base64')
    if (bytes.byteLength > MAX_PLAN_BYTES) throw new AppError('bad-input', planTooLargeMessage(name, bytes.byteLength))
  }
  return { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}
