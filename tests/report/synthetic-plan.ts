/**
 * A generated plan of `taskCount` work items over `weeks` weeks, each title long enough to wrap in the report's
 * tables and fenced by markers (ROWSTARTn … ROWENDn) so a test can find both ends of every row.
 */
export function syntheticPlan(taskCount: number, weeks = 10): string {
  const perWeek = Math.ceil(taskCount / weeks)
  const lines = ['# Synthetic Readiness Plan', '', '**Date**: 2025-01-06', '']
  for (let week = 1; week <= weeks; week++) {
    lines.push(`## PHASE ${week}: HARDENING STEP ${week} (Week ${week})`, '')
    for (let index = 1; index <= perWeek; index++) {
      const n = (week - 1) * perWeek + index
      if (n > taskCount) break
      const id = String(n).padStart(3, '0')
      // rows of one to four lines, so page breaks fall at every offset within a row
      const detail = ' with bounded exponential backoff, jitter and dead-letter routing'.repeat(n % 4)
      lines.push(
        `#### ${week}.${index} ROWSTART${id} Harden the ingestion service retry path${detail} for item ${id} ROWEND${id}`,
        `**Files to Create**:`,
        `- \`services/ingest/retry_${id}.py\``,
        '',
        `**Estimated Time**: ${(n % 4) + 1} hours`,
        '',
      )
    }
  }
  return lines.join('\n')
}

export function rowMarkers(n: number): { start: string; end: string } {
  const id = String(n).padStart(3, '0')
  return { start: `ROWSTART${id}`, end: `ROWEND${id}` }
}
