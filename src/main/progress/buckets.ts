/** A per-week array of amounts (index = plan week, 0 = before start) that grows on demand. */
export class WeeklyAmounts {
  private readonly values: number[] = []

  add(week: number, amount: number): void {
    const index = Math.max(0, week)
    while (this.values.length <= index) this.values.push(0)
    this.values[index] += amount
  }

  at(week: number): number {
    return week >= 0 && week < this.values.length ? this.values[week] : 0
  }

  get length(): number {
    return this.values.length
  }

  /** the last week holding a non-zero amount (−1 when none) */
  lastNonZeroWeek(): number {
    for (let week = this.values.length - 1; week >= 0; week--) if (this.values[week] !== 0) return week
    return -1
  }
}

/**
 * Everything the series and figures need about one slice of the plan (the whole plan or
 * one phase), gathered in one pass over tasks and scope changes so the series cost
 * O(tasks + changes + weeks).
 */
export class ProgressBuckets {
  // The baseline's ideal schedule (frozen at first import).
  readonly idealHours = new WeeklyAmounts()
  /** scheduled baseline tasks by the week they are planned to finish */
  readonly idealTasks = new WeeklyAmounts()
  idealTotalHours = 0
  idealTotalTasks = 0
  unscheduledTasks = 0
  unscheduledHours = 0
  /** baseline budget of scheduled baseline tasks that are done by asOf (hours / tasks) */
  earnedHours = 0
  earnedTasks = 0

  // Scope as it stood on asOf, and the scope changes that led there by the week they happened.
  scopeHoursAtAsOf = 0
  scopeTasksAtAsOf = 0
  readonly scopeHoursChange = new WeeklyAmounts()
  readonly scopeTasksChange = new WeeklyAmounts()

  // Burnup: hours/tasks becoming done in each week.
  readonly doneHours = new WeeklyAmounts()
  readonly doneTasks = new WeeklyAmounts()

  // Current tasks present on asOf.
  taskCount = 0
  doneTaskCount = 0
  doneHoursAtAsOf = 0
  claimedHours = 0
  claimedTasks = 0
}
