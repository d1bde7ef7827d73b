import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { GitFixture } from '../evidence/helpers/git-fixture'
import { seedPlansDir } from '../support/paths'

export const SEED_004 = join(seedPlansDir, '004_5444bc3a38160578.txt')

/**
 * A repository that carries out part of seed plan 004 in known weeks (week 1 = Mon 2024-12-02 .. Sun 2024-12-08):
 * week 1: steps 1.2–1.4 (Celery tasks module, HubSpot webhook, the prediction endpoint's main.py) and a change to
 * the director agent that step 1.1 only lists to modify (in progress, never done: step 1.1 states no checkable
 * criterion), week 2: step 2.1 (budget optimizer UI), week 3: step 2.2 (winner search UI).
 */
export function buildSeed004Repo(): GitFixture {
  const repo = new GitFixture()
  repo
    .write('services/titan-core/ai_council/director_agent.py', 'class DirectorAgent:\n    pass\n')
    .write('services/gateway-api/src/webhooks/hubspot.ts', 'export const hubspot = () => null\n')
    .commit('Existing services', '2024-11-28T10:00:00+00:00')
  repo
    .write(
      'services/titan-core/ai_council/director_agent.py',
      'class DirectorAgent:\n    def create_battle_plan(self):\n        return search_winners()\n',
    )
    .write('services/ml-service/src/main.py', 'app = None\n')
    .commit('Director agent searches RAG winners', '2024-12-04T10:00:00+00:00')
  repo
    .write('services/ml-service/src/tasks.py', 'from celery import Celery\n')
    .write('services/gateway-api/src/webhooks/hubspot.ts', 'export const hubspot = () => queue()\n')
    .commit('Queue HubSpot webhooks to Celery', '2024-12-05T15:00:00+00:00')
  repo
    .write('services/frontend/src/components/BudgetOptimizer.tsx', 'export const BudgetOptimizer = () => null\n')
    .write('services/frontend/src/api/ml.ts', 'export const mlApi = {}\n')
    .commit('Budget optimizer UI', '2024-12-10T11:00:00+00:00')
  repo
    .write('services/frontend/src/components/WinnerSearch.tsx', 'export const WinnerSearch = () => null\n')
    .commit('Winner search UI', '2024-12-18T09:30:00+00:00')
  return repo
}

/** Seed 004 with one more 10-hour step in phase 3 (week 3), as a lead's re-import would bring. */
export function seed004WithExtraWeek3Step(): Buffer {
  const text = readFileSync(SEED_004, 'utf8')
  const lines = text.split('\n')
  const phase4 = lines.findIndex((line) => line.includes('PHASE 4: MONITORING'))
  if (phase4 < 0) throw new Error('seed 004 changed: no phase 4 heading')
  const step = [
    '### Step 3.4: Harden Backups (10 hours)',
    '',
    '**Actions:**',
    '- Nightly database dump with restore drill',
    '',
    '---',
    '',
  ]
  lines.splice(phase4, 0, ...step)
  return Buffer.from(lines.join('\n'), 'utf8')
}
