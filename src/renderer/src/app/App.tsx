import { useEffect } from 'react'
import { useStore, type Route } from './store'
import { useTheme } from './use-theme'

const NAV: { route: Route; label: string }[] = [
  { route: 'plans', label: 'Plans' },
  { route: 'dashboard', label: 'Dashboard' },
  { route: 'tasks', label: 'Tasks' },
  { route: 'repos', label: 'Repos' },
  { route: 'report', label: 'Report' },
  { route: 'settings', label: 'Settings' },
]

function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">Import a plan</h1>
      <p>Bring in a production-readiness plan (markdown or text). The cockpit reads its phases, tasks and estimates, then checks your git history for what is really done.</p>
    </section>
  )
}

export function App() {
  const { route, ready, error, plans, navigate, boot, setError } = useStore()
  useTheme()
  useEffect(() => {
    void boot()
  }, [boot])
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-app-state', ready ? 'ready' : 'loading')
  }, [ready])

  return (
    <div className="app-frame">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Readiness Cockpit</div>
        <ul>
          {NAV.map((item) => (
            <li key={item.route}>
              <button type="button" className={route === item.route ? 'nav-item active' : 'nav-item'} aria-current={route === item.route ? 'page' : undefined} onClick={() => navigate(item.route)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {error && (
          <div role="alert" className="error-banner">
            {error}
            <button type="button" onClick={() => setError(null)} aria-label="Dismiss error">
              ×
            </button>
          </div>
        )}
        {!ready ? <p aria-busy="true">Loading…</p> : plans.length === 0 ? <EmptyState /> : <p>{plans.length} plan(s)</p>}
      </main>
    </div>
  )
}
