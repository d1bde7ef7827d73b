import { describe, expect, it } from 'vitest'
import { resolveTaskState } from '../../src/main/progress'
import type { ProgressTaskInput } from '../../src/shared/progress-model'
import { doneBy, inProgressSince, planTask, progressTask } from './fixtures'

const task = (extra: Partial<ProgressTaskInput>) => progressTask(planTask({ key: 'x', estimateHours: 4 }), extra)

describe('resolveTaskState', () => {
  it('takes the evidence verdict when it knows', () => {
    expect(resolveTaskState(task({ evidence: doneBy('2025-02-03T09:00:00Z') }), '2025-03-01')).toMatchObject({
      state: 'done',
      source: 'evidence',
      doneAt: '2025-02-03',
      disagreement: false,
    })
  })

  it('falls back to the claim, shown as a claim, when the evidence cannot tell', () => {
    const unknownEvidence = { state: 'unknown' as const, doneAt: null, items: [] }
    expect(resolveTaskState(task({ claimedDone: true, evidence: unknownEvidence }), '2025-03-01')).toMatchObject({
      state: 'unknown',
      source: 'claim',
      evidenceState: 'unknown',
    })
    expect(resolveTaskState(task({}), '2025-03-01')).toMatchObject({
      state: 'unknown',
      source: 'none',
      evidenceState: null,
    })
  })

  it('rewinds evidence to asOf: done later → in progress if some commit came before, else not started', () => {
    const evidence = {
      state: 'done' as const,
      doneAt: '2025-02-10',
      items: [
        { checkSentence: 'route exists', holds: true, commit: { sha: 'a', date: '2025-02-01', subject: 'start' } },
        { checkSentence: 'tests pass', holds: true, commit: { sha: 'b', date: '2025-02-10', subject: 'finish' } },
      ],
    }
    const midway = resolveTaskState(task({ evidence }), '2025-02-05')
    expect(midway).toMatchObject({ state: 'in-progress', doneAt: null })
    expect(midway.evidenceItems.map((item) => item.commit?.sha)).toEqual(['a'])
    expect(resolveTaskState(task({ evidence }), '2025-01-20')).toMatchObject({
      state: 'not-started',
      evidenceItems: [],
    })
    expect(resolveTaskState(task({ evidence: inProgressSince('2025-02-01') }), '2025-01-31').state).toBe('not-started')
  })

  it('dates evidence that is done without a done date by its latest commit', () => {
    const evidence = { ...doneBy('2025-02-03'), doneAt: null }
    expect(resolveTaskState(task({ evidence }), '2025-03-01').doneAt).toBe('2025-02-03')
  })

  it('keeps the earlier git date when a manual "done" confirms work git already shows', () => {
    const state = resolveTaskState(
      task({ evidence: doneBy('2025-02-03'), manual: { status: 'done', note: 'confirmed', date: '2025-02-20' } }),
      '2025-03-01',
    )
    expect(state).toMatchObject({ state: 'done', source: 'manual', doneAt: '2025-02-03', disagreement: false })
  })

  it('resolves needs-confirmation with a manual status, without calling it a disagreement', () => {
    const evidence = { state: 'needs-confirmation' as const, doneAt: null, items: [] }
    expect(resolveTaskState(task({ evidence }), '2025-03-01')).toMatchObject({
      state: 'needs-confirmation',
      source: 'evidence',
    })
    expect(
      resolveTaskState(
        task({ evidence, manual: { status: 'done', note: 'checked', date: '2025-02-20' } }),
        '2025-03-01',
      ),
    ).toMatchObject({ state: 'done', source: 'manual', doneAt: '2025-02-20', disagreement: false })
  })

  it('flags blocked against done evidence, and keeps in-progress under a manual "not done"', () => {
    expect(
      resolveTaskState(
        task({
          evidence: doneBy('2025-02-03'),
          manual: { status: 'blocked', note: 'rolled back', date: '2025-02-05' },
        }),
        '2025-03-01',
      ),
    ).toMatchObject({ state: 'blocked', disagreement: true, doneAt: null })
    expect(
      resolveTaskState(
        task({
          evidence: inProgressSince('2025-02-01'),
          manual: { status: 'not-done', note: 'half way', date: '2025-02-05' },
        }),
        '2025-03-01',
      ),
    ).toMatchObject({ state: 'in-progress', source: 'manual', disagreement: false })
  })
})
