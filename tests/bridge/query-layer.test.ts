import { readFileSync } from 'node:fs'
import { QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildRendererApi } from '../../src/preload/api'
import type { EventName, EventPayload } from '../../src/shared/events'
import { useStore } from '../../src/renderer/src/app/store'
import { followCoreEvents } from '../../src/renderer/src/app/use-core-events'
import { createQueryClient, queryClient } from '../../src/renderer/src/data/query-client'
import {
  planDetailQuery,
  plansQuery,
  progressQuery,
  reposQuery,
  taskEvidenceQuery,
  taskExplanationQuery,
  taskHistoryQuery,
} from '../../src/renderer/src/data/queries'
import { confirmImport, startImport } from '../../src/renderer/src/features/plans/plan-actions'
import { connectRepo } from '../../src/renderer/src/features/repos/repo-actions'
import { saveSettings } from '../../src/renderer/src/features/settings/settings-actions'
import { setCheckEnabled, setManualStatus } from '../../src/renderer/src/features/tasks/task-actions'
import { callOk, createTestCore, type TestCore } from '../support/core'
import type { GitFixture } from '../evidence/helpers/git-fixture'
import { SEED_004, buildSeed004Repo } from '../integration/seed-004-fixture'

/**
 * The renderer's query layer against the window.api the preload builds (src/preload/api.ts), over a real core (real
 * SQLite after the real migrations, seed 004 imported, a real git fixture to connect): every call goes through the
 * renderer's one api client and is counted here; the core's own events drive the invalidations.
 */
const calls: { method: string; input: Record<string, unknown> }[] = []
let core: TestCore
let repo: GitFixture
let planA: number
let planB: number
let taskId: number
let checkId: number

function emit<E extends EventName>(event: E, payload: EventPayload<E>) {
  core.context.emit(event, payload)
}

beforeAll(async () => {
  core = createTestCore({ now: () => new Date('2024-12-16T12:00:00Z') })
  repo = buildSeed004Repo()
  planA = (await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } })).planId
  planB = (await callOk<{ planId: number }>(core, 'plans.import', { source: { path: SEED_004 } })).planId
  const detail = await callOk<{ taskIds: Record<string, number> }>(core, 'plans.get', { planId: planA })
  taskId = detail.taskIds['2.1']
  const evidence = await callOk<{ checks: { id: number }[] }>(core, 'evidence.forTask', { taskId })
  checkId = evidence.checks[0].id
  const api = buildRendererApi({
    invoke: async (channel, input) => {
      const method = channel.replace(/^rpc:/, '')
      calls.push({ method, input: input as Record<string, unknown> })
      return core.dispatch(method, input)
    },
    subscribe: (channel, listener) =>
      core.subscribe((event, payload) => {
        if (channel === `event:${event}`) listener(payload)
      }),
    getPathForFile: () => '',
  })
  ;(globalThis as { window?: unknown }).window = { api }
})
afterAll(() => {
  core.dispose()
  repo.cleanup()
})

const observers: (() => void)[] = []
afterEach(() => {
  observers.splice(0).forEach((stop) => stop())
  queryClient.clear()
})

/** queries on screen: observed, so they fetch now and refetch when invalidated */
async function show(client: QueryClient, ...queries: { queryKey: QueryKey }[]) {
  for (const query of queries) observers.push(new QueryObserver(client, query).subscribe(() => {}))
  await settled(client)
  calls.length = 0
}

async function settled(client: QueryClient) {
  await new Promise((resolve) => setTimeout(resolve, 0))
  await vi.waitFor(() => expect(client.isFetching()).toBe(0))
}

const count = (method: string, input: Record<string, unknown> = {}) =>
  calls.filter(
    (call) => call.method === method && Object.entries(input).every(([key, value]) => call.input[key] === value),
  ).length

describe('core events invalidate exactly the queries they affect', () => {
  it('plans.changed refetches the plans list and every query of that plan once, none of another plan', async () => {
    const client = createQueryClient()
    observers.push(followCoreEvents(client))
    await show(
      client,
      plansQuery(),
      planDetailQuery(planA),
      progressQuery(planA),
      reposQuery(planA),
      planDetailQuery(planB),
      progressQuery(planB),
      reposQuery(planB),
    )
    emit('plans.changed', { planId: planA })
    await settled(client)
    expect(calls.map((call) => call.method).sort()).toEqual(['plans.get', 'plans.list', 'progress.get', 'repos.list'])
    expect(
      count('plans.get', { planId: planA }) +
        count('progress.get', { planId: planA }) +
        count('repos.list', { planId: planA }),
    ).toBe(3)
  })

  it('repos.changed refetches that plan’s repositories and progress, and only its repositories while it syncs', async () => {
    const client = createQueryClient()
    observers.push(followCoreEvents(client))
    await show(
      client,
      plansQuery(),
      planDetailQuery(planA),
      progressQuery(planA),
      reposQuery(planA),
      progressQuery(planB),
    )
    emit('repos.changed', { planId: planA, repoId: 1, reason: 'HEAD or refs moved' })
    await settled(client)
    expect(calls.map((call) => call.method).sort()).toEqual(['progress.get', 'repos.list'])
    expect(count('progress.get', { planId: planA })).toBe(1)

    calls.length = 0
    useStore.setState({
      sync: { planId: planA, running: true, phase: 'history', done: 1, total: 4, summary: null, error: null },
    })
    emit('repos.changed', { planId: planA, repoId: 1, reason: 'HEAD or refs moved' })
    await settled(client)
    expect(calls.map((call) => call.method)).toEqual(['repos.list'])
    useStore.setState({ sync: null })
  })

  it('a query not on screen is not read at once, but when it is next shown', async () => {
    const client = createQueryClient()
    observers.push(followCoreEvents(client))
    await show(client, plansQuery())
    await client.prefetchQuery(planDetailQuery(planB))
    calls.length = 0
    emit('plans.changed', { planId: planB })
    await settled(client)
    expect(count('plans.get')).toBe(0)
    observers.push(new QueryObserver(client, planDetailQuery(planB)).subscribe(() => {}))
    await settled(client)
    expect(count('plans.get', { planId: planB })).toBe(1)
  })
})

describe('a change refetches what it affects once, not twice', () => {
  async function openDrawer() {
    observers.push(followCoreEvents(queryClient))
    useStore.setState({
      selectedPlanId: planA,
      asOf: null,
      baselineId: null,
      drawer: { key: '2.1', taskId, actionError: null },
    })
    const task = { id: taskId, key: '2.1' }
    await show(
      queryClient,
      plansQuery(),
      planDetailQuery(planA),
      progressQuery(planA),
      taskEvidenceQuery(1, 7),
      taskHistoryQuery(1, 7),
      taskExplanationQuery(1, task, null),
    )
  }

  it('a manual status: one status call, then one read of the progress, the evidence, the history and the explanation', async () => {
    await openDrawer()
    expect(await setManualStatus('done', 'shipped', '2024-12-19')).toBe(true)
    await settled(queryClient)
    expect(count('tasks.setStatus')).toBe(1)
    for (const method of [
      'progress.get',
      'evidence.forTask',
      'tasks.history',
      'evidence.explain',
      'plans.get',
      'plans.list',
    ])
      expect(count(method), method).toBe(1)
    expect(useStore.getState().notices.at(-1)?.message).toMatch(
      /^2\.1 “Wire BattleHardenedSampler to Frontend.*” marked done\.$/,
    )
  })

  it('a check switched off: the progress and the drawer are read once', async () => {
    await openDrawer()
    expect(await setCheckEnabled(checkId, false)).toBe(true)
    await settled(queryClient)
    expect(count('progress.get')).toBe(1)
    expect(count('evidence.forTask')).toBe(1)
  })

  it('settings, which the core does not announce: the answer is kept and progress is read once', async () => {
    observers.push(followCoreEvents(queryClient))
    useStore.setState({ selectedPlanId: planA })
    await queryClient.prefetchQuery({ queryKey: ['app', 'settings'], queryFn: () => ({ theme: 'system' }) })
    await show(queryClient, progressQuery(planA), progressQuery(planB))
    expect(await saveSettings({ theme: 'dark' } as never)).toBe(true)
    await settled(queryClient)
    expect(count('settings.update')).toBe(1)
    expect(count('settings.get')).toBe(0)
    expect(count('progress.get', { planId: planA })).toBe(1)
    expect(count('progress.get', { planId: planB })).toBe(1)
  })

  it('connecting a repository, which the core does not announce: its repositories and the plans list are read once', async () => {
    observers.push(followCoreEvents(queryClient))
    useStore.setState({ selectedPlanId: planA })
    await show(queryClient, plansQuery(), reposQuery(planA), progressQuery(planA))
    expect(await connectRepo(repo.dir, null, null)).toMatchObject({ planId: planA })
    await settled(queryClient)
    expect(count('repos.list', { planId: planA })).toBe(1)
    expect(count('plans.list')).toBe(1)
    expect(count('progress.get')).toBe(0)
  })

  it('an import: the plans list is read once (on the event), then the new plan is shown', async () => {
    observers.push(followCoreEvents(queryClient))
    useStore.setState({ selectedPlanId: planA, route: 'plans' })
    await show(queryClient, plansQuery())
    startImport({ name: 'plan.md', base64: Buffer.from(readFileSync(SEED_004)).toString('base64') })
    await confirmImport(null)
    await settled(queryClient)
    expect(count('plans.import')).toBe(1)
    expect(count('plans.list')).toBe(1)
    expect(useStore.getState()).toMatchObject({ selectedPlanId: planB + 1, route: 'dashboard', importDraft: null })
  })
})
