import { QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
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

/**
 * The renderer's query layer against the window.api the preload builds (src/preload/api.ts), over a stand-in core
 * that answers every read and, like the real handlers, announces its changes before answering: plans.changed after a
 * status, a check or an import; nothing after settings.update or repos.connect. Every call goes through the renderer's
 * one api client, and is counted here.
 */
const calls: { method: string; input: Record<string, unknown> }[] = []
const listeners = new Map<string, Set<(payload: unknown) => void>>()
let planIds = [1, 2]

function emit<E extends EventName>(event: E, payload: EventPayload<E>) {
  for (const listener of listeners.get(`event:${event}`) ?? []) listener(payload)
}

const ANSWERS: Record<string, (input: Record<string, unknown>) => unknown> = {
  'plans.list': () => planIds.map((id) => ({ id, title: `Plan ${id}`, totalHours: 10 })),
  'plans.get': ({ planId }) => ({
    summary: { id: planId },
    plan: { tasks: [{ key: '1.1', number: '1.1', title: 'Add retries' }] },
    taskIds: { '1.1': 7 },
  }),
  'progress.get': ({ planId }) => ({ planId, asOf: '2024-12-20', tasks: [] }),
  'repos.list': () => [],
  'evidence.forTask': () => ({ checks: [] }),
  'tasks.history': () => [],
  'evidence.explain': () => ({ checks: [], notCheckable: [] }),
  'settings.get': () => ({ theme: 'system' }),
  'settings.update': (patch) => ({ theme: 'system', ...patch }),
  'repos.connect': ({ planId }) => ({ planId, repoId: 5 }),
  'tasks.setStatus': () => {
    emit('plans.changed', { planId: 1 })
    return { id: 1 }
  },
  'checks.update': () => {
    emit('plans.changed', { planId: 1 })
    return {}
  },
  'plans.import': () => {
    planIds = [...planIds, 3]
    emit('plans.changed', { planId: 3 })
    return { planId: 3, versionNo: 1, taskCount: 4, totalHours: 12 }
  },
}

beforeAll(() => {
  const api = buildRendererApi({
    invoke: async (channel, input) => {
      const method = channel.replace(/^rpc:/, '')
      calls.push({ method, input: input as Record<string, unknown> })
      const answer = ANSWERS[method]
      return answer
        ? { ok: true, value: answer(input as Record<string, unknown>) }
        : { ok: false, error: { code: 'not-found', message: `no ${method}` } }
    },
    subscribe: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
      return () => listeners.get(channel)?.delete(listener)
    },
    getPathForFile: () => '',
  })
  ;(globalThis as { window?: unknown }).window = { api }
})

const observers: (() => void)[] = []
afterEach(() => {
  observers.splice(0).forEach((stop) => stop())
  queryClient.clear()
  planIds = [1, 2]
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
      planDetailQuery(1),
      progressQuery(1),
      reposQuery(1),
      planDetailQuery(2),
      progressQuery(2),
      reposQuery(2),
    )
    emit('plans.changed', { planId: 1 })
    await settled(client)
    expect(calls.map((call) => call.method).sort()).toEqual(['plans.get', 'plans.list', 'progress.get', 'repos.list'])
    expect(
      count('plans.get', { planId: 1 }) + count('progress.get', { planId: 1 }) + count('repos.list', { planId: 1 }),
    ).toBe(3)
  })

  it('repos.changed refetches that plan’s repositories and progress, and only its repositories while it syncs', async () => {
    const client = createQueryClient()
    observers.push(followCoreEvents(client))
    await show(client, plansQuery(), planDetailQuery(1), progressQuery(1), reposQuery(1), progressQuery(2))
    emit('repos.changed', { planId: 1, repoId: 5, reason: 'HEAD or refs moved' })
    await settled(client)
    expect(calls.map((call) => call.method).sort()).toEqual(['progress.get', 'repos.list'])
    expect(count('progress.get', { planId: 1 })).toBe(1)

    calls.length = 0
    useStore.setState({
      sync: { planId: 1, running: true, phase: 'history', done: 1, total: 4, summary: null, error: null },
    })
    emit('repos.changed', { planId: 1, repoId: 5, reason: 'HEAD or refs moved' })
    await settled(client)
    expect(calls.map((call) => call.method)).toEqual(['repos.list'])
    useStore.setState({ sync: null })
  })

  it('a query not on screen is not read at once, but when it is next shown', async () => {
    const client = createQueryClient()
    observers.push(followCoreEvents(client))
    await show(client, plansQuery())
    await client.prefetchQuery(planDetailQuery(2))
    calls.length = 0
    emit('plans.changed', { planId: 2 })
    await settled(client)
    expect(count('plans.get')).toBe(0)
    observers.push(new QueryObserver(client, planDetailQuery(2)).subscribe(() => {}))
    await settled(client)
    expect(count('plans.get', { planId: 2 })).toBe(1)
  })
})

describe('a change refetches what it affects once, not twice', () => {
  async function openDrawer() {
    observers.push(followCoreEvents(queryClient))
    useStore.setState({
      selectedPlanId: 1,
      asOf: null,
      baselineId: null,
      drawer: { key: '1.1', taskId: 7, actionError: null },
    })
    const task = { id: 7, key: '1.1' }
    await show(
      queryClient,
      plansQuery(),
      planDetailQuery(1),
      progressQuery(1),
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
    expect(useStore.getState().notices.at(-1)?.message).toBe('1.1 “Add retries” marked done.')
  })

  it('a check switched off: the progress and the drawer are read once', async () => {
    await openDrawer()
    expect(await setCheckEnabled(3, false)).toBe(true)
    await settled(queryClient)
    expect(count('progress.get')).toBe(1)
    expect(count('evidence.forTask')).toBe(1)
  })

  it('settings, which the core does not announce: the answer is kept and progress is read once', async () => {
    observers.push(followCoreEvents(queryClient))
    useStore.setState({ selectedPlanId: 1 })
    await queryClient.prefetchQuery({ queryKey: ['app', 'settings'], queryFn: () => ({ theme: 'system' }) })
    await show(queryClient, progressQuery(1), progressQuery(2))
    expect(await saveSettings({ theme: 'dark' } as never)).toBe(true)
    await settled(queryClient)
    expect(count('settings.update')).toBe(1)
    expect(count('settings.get')).toBe(0)
    expect(count('progress.get', { planId: 1 })).toBe(1)
    expect(count('progress.get', { planId: 2 })).toBe(1)
  })

  it('connecting a repository, which the core does not announce: its repositories and the plans list are read once', async () => {
    observers.push(followCoreEvents(queryClient))
    useStore.setState({ selectedPlanId: 1 })
    await show(queryClient, plansQuery(), reposQuery(1), progressQuery(1))
    expect(await connectRepo('/repos/api', null, null)).toMatchObject({ repoId: 5 })
    await settled(queryClient)
    expect(count('repos.list', { planId: 1 })).toBe(1)
    expect(count('plans.list')).toBe(1)
    expect(count('progress.get')).toBe(0)
  })

  it('an import: the plans list is read once (on the event), then the new plan is shown', async () => {
    observers.push(followCoreEvents(queryClient))
    useStore.setState({ selectedPlanId: 1, route: 'plans' })
    await show(queryClient, plansQuery())
    startImport({ name: 'plan.md', base64: '' })
    await confirmImport(null)
    await settled(queryClient)
    expect(count('plans.import')).toBe(1)
    expect(count('plans.list')).toBe(1)
    expect(useStore.getState()).toMatchObject({ selectedPlanId: 3, route: 'dashboard', importDraft: null })
  })
})
