import { ApiError } from './api'

/** A sentence a lead can act on, from whatever a failed call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const issues = error.error.issues
      ?.map((issue) => `${issue.path ? `${issue.path}: ` : ''}${issue.message}`)
      .join('; ')
    return issues ? `${error.message} (${issues})` : error.message
  }
  if (error instanceof Error) return error.message
  return String(error)
}
