/** The file name an export of a plan's status gets, the same in the core (writes) and the UI (save dialog). */
export function reportFileName(title: string, asOf: string, extension: 'pdf' | 'csv' | 'json'): string {
  const stem =
    title
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'plan'
  return `${stem}-status-${asOf}.${extension}`
}
