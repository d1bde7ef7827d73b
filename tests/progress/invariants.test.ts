import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeProgress } from '../../src/main/progress'
import { ProgressInputSchema, ProgressReportSchema } from '../../src/shared/progress-model'
import { doneBy, plan, planTask, progressInput, progressTask } from './fixtures'

const dayToIso = (day: number) => new Date(Date.UTC(2025, 0, 6) + day * 86_400_000).toISOString().slice(0, 10)

const taskArbitrary = fc.record({
  weekStart: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  span: fc.integer({ min: 0, max: 3 }),
  estimateHours: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
  doneDay: fc.option(fc.integer({ min: -20, max: 120 }), { nil: null }),
  manual: fc.constantFrom(null, 'done', 'not-done', 'blocked'),
  claimedDone: fc.boolean(),
})

describe('progress invariants on random plans', () => {
  it('keeps the series consistent, the report valid and the output deterministic', () => {
    fc.assert(
      fc.property(
        fc.array(taskArbitrary, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: -10, max: 130 }),
        (specs, asOfDay) => {
          const tasks = specs.map((spec, index) =>
            planTask({
              key: String(index),
              weekStart: spec.weekStart,
              weekEnd: spec.weekStart === null ? null : spec.weekStart + spec.span,
              estimateHours: spec.estimateHours,
              claimedDone: spec.claimedDone,
            }),
          )
          const baseline = plan({ tasks })
          const input = progressInput(baseline, {
            asOf: dayToIso(asOfDay),
            tasks: tasks.map((task, index) => {
              const spec = specs[index]
              return progressTask(task, {
                evidence: spec.doneDay === null ? null : doneBy(dayToIso(spec.doneDay)),
                manual: spec.manual === null ? null : { status: spec.manual, note: '', date: dayToIso(10) },
              })
            }),
            forecast: { trials: 1000 },
          })
          expect(() => ProgressInputSchema.parse(input)).not.toThrow()
          const report = computeProgress(input)
          expect(() => ProgressReportSchema.parse(report)).not.toThrow()
          expect(JSON.stringify(computeProgress(input))).toBe(JSON.stringify(report))

          for (let index = 1; index < report.burndown.length; index++) {
            const [before, row] = [report.burndown[index - 1], report.burndown[index]]
            expect(row.idealRemainingHours).toBeLessThanOrEqual(before.idealRemainingHours)
            if (row.doneHours !== null) expect(row.doneHours).toBeGreaterThanOrEqual(before.doneHours!)
          }
          for (const row of report.burndown) {
            if (row.actualRemainingHours === null) continue
            expect(row.actualRemainingHours).toBeCloseTo(row.scopeHours - row.doneHours!, 6)
          }
          const asOfRow = report.burndown[report.asOfWeek]
          expect(asOfRow.doneHours).toBeCloseTo(report.summary.doneHours, 6)
          expect(asOfRow.actualRemainingHours).toBeCloseTo(report.summary.remainingHours, 6)
          expect(report.summary.verifiedPercent).toBeLessThanOrEqual(100)
          expect(report.summary.doneTaskCount).toBe(report.tasks.filter((task) => task.state === 'done').length)
          expect(report.burndown[0].idealRemainingHours).toBe(
            tasks.filter((task) => task.weekStart !== null).reduce((sum, task) => sum + (task.estimateHours ?? 0), 0),
          )
        },
      ),
      { numRuns: 150, seed: 20250106 },
    )
  })
})
