import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useMemo } from 'react'
import { planPickerLabels, rememberPlanId } from '../lib/plan-labels'
import { DashboardScreen } from '../features/dashboard/DashboardScreen'
import { ImportPreview } from '../features/plans/ImportPreview'
import { PlanFileInput } from '../features/plans/PlanFileInput'
import { PlansScreen } from '../features/plans/PlansScreen'
import { ReportScreen } from '../features/report/ReportScreen'
import { ReposScreen } from '../features/repos/ReposScreen'
import { SettingsScreen } from '../features/settings/SettingsScreen'
import { TaskDrawer } from '../features/tasks/TaskDrawer'
import { TasksScreen } from '../features/tasks/TasksScreen'
import { NavIcon } from '../components/NavIcon'
import { Notices } from '../components/Notices'
import { useAppInfo, usePlans } from '../data/hooks'
import { boot, planToShow } from './boot'
import { useStore, type Route } from './store'
import { useCoreEvents } from './use-core-events'
import { useFileDrop } from './use-file-drop'
import { useTheme } from './use-theme'

const NAV: { route: Route; label: string }[] = [
  { route: 'plans', label: 'Plans' },
  { route: 'dashboard', label: 'Dashboard' },
  { route: 'tasks', label: 'Tasks' },
  { route: 'repos', label: 'Repos' },
  { route: 'report', label: 'Report' },
  { route: 'settings', label: 'Settings' },
]

const SCREENS: Record<Route, () => React.JSX.Element> = {
  plans: PlansScreen,
  dashboard: DashboardScreen,
  tasks: TasksScreen,
  repos: ReposScreen,
  report: ReportScreen,
  settings: SettingsScreen,
}

function PlanSwitcher() {
  const plans = usePlans().data
  const selectedPlanId = useStore((s) => s.selectedPlanId)
  const selectPlan = useStore((s) => s.selectPlan)
  const id = useId()
  const labels = useMemo(() => planPickerLabels(plans ?? []), [plans])
  if (!plans || plans.length === 0) return null
  return (
    <div className="plan-switcher">
      <label htmlFor={id}>Plan</label>
      <select
        id={id}
        value={selectedPlanId ?? ''}
        onChange={(event) => selectPlan(event.target.value ? Number(event.target.value) : null)}
      >
        {plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {labels.get(plan.id) ?? plan.title}
          </option>
        ))}
      </select>
    </div>
  )
}

function Sidebar() {
  const route = useStore((s) => s.route)
  const navigate = useStore((s) => s.navigate)
  return (
    <nav className="sidebar no-print" aria-label="Main">
      <ul>
        {NAV.map((item) => (
          <li key={item.route}>
            <button
              type="button"
              className={route === item.route ? 'nav-item active' : 'nav-item'}
              aria-current={route === item.route ? 'page' : undefined}
              onClick={() => navigate(item.route)}
              title={item.label}
            >
              <NavIcon route={item.route} />
              <span className="nav-label">{item.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function MainContent() {
  const route = useStore((s) => s.route)
  const ready = useStore((s) => s.ready)
  const bootError = useStore((s) => s.bootError)
  const hostNotice = useAppInfo()?.notice ?? null
  useEffect(() => {
    document.getElementById('main-content')?.focus({ preventScroll: true })
  }, [route])
  const Screen = SCREENS[route]
  return (
    <main className="content" id="main-content" tabIndex={-1}>
      {hostNotice && (
        <div role="status" className="host-notice" data-testid="host-notice">
          {hostNotice}
        </div>
      )}
      {bootError && (
        <div role="alert" className="error-banner">
          Could not reach the core: {bootError}
        </div>
      )}
      {!ready ? <p aria-busy="true">Loading…</p> : <Screen />}
    </main>
  )
}

/** Boots once, marks the page ready for tests and printers, remembers the plan, and follows the plans list. */
function useAppLifecycle() {
  const client = useQueryClient()
  const ready = useStore((s) => s.ready)
  const selectedPlanId = useStore((s) => s.selectedPlanId)
  const selectPlan = useStore((s) => s.selectPlan)
  const { data: plans, isFetching } = usePlans()
  useEffect(() => {
    void boot(client)
  }, [client])
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-app-state', ready ? 'ready' : 'loading')
  }, [ready])
  useEffect(() => {
    if (ready) rememberPlanId(selectedPlanId)
  }, [ready, selectedPlanId])
  // a plan deleted (here or elsewhere) gives way to the first one left, once the list is read again
  useEffect(() => {
    if (ready && plans && !isFetching) selectPlan(planToShow(plans, selectedPlanId))
  }, [ready, plans, isFetching, selectedPlanId, selectPlan])
}

export function App() {
  const route = useStore((s) => s.route)
  const hasImport = useStore((s) => s.importDraft !== null)
  const hasDrawer = useStore((s) => s.drawer !== null)
  useTheme()
  useCoreEvents()
  useAppLifecycle()
  const dragging = useFileDrop()
  return (
    <div className="app-frame" data-route={route}>
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <div className="brand no-print">
        <span className="brand-full">Readiness Cockpit</span>
        <abbr className="brand-short" title="Readiness Cockpit">
          RC
        </abbr>
      </div>
      <div className="plan-bar no-print">
        <PlanSwitcher />
      </div>
      <Sidebar />
      <MainContent />
      <PlanFileInput />
      <Notices />
      {hasImport && <ImportPreview />}
      {hasDrawer && !hasImport && <TaskDrawer />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop the plan to import it
        </div>
      )}
    </div>
  )
}
