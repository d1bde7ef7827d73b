import { useId, useState } from 'react'
import { useStore } from '../../app/store'
import { ProgressBar } from '../../components/ProgressBar'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { plural } from '../../lib/format'
import { RepoCard } from './RepoCard'

function ConnectForm() {
  const connectRepo = useStore((s) => s.connectRepo)
  const busy = useStore((s) => s.repoBusy)
  const error = useStore((s) => s.repoActionError)
  const nativeDialogs = useStore((s) => s.info?.native.dialogs ?? false)
  const id = useId()
  const [path, setPath] = useState('')
  const [branch, setBranch] = useState('')
  const [prefix, setPrefix] = useState('')
  const [dialogError, setDialogError] = useState<string | null>(null)

  const chooseFolder = async () => {
    setDialogError(null)
    try {
      const chosen = await call('dialogs.chooseFolder', {})
      if (chosen.path) setPath(chosen.path)
    } catch (failure) {
      setDialogError(errorMessage(failure))
    }
  }

  return (
    <form
      className="panel"
      aria-labelledby={`${id}-title`}
      onSubmit={async (event) => {
        event.preventDefault()
        if (!path.trim()) return
        const link = await connectRepo(path.trim(), branch.trim() || null, prefix.trim() || null)
        if (link) {
          setPath('')
          setBranch('')
          setPrefix('')
        }
      }}
    >
      <h2 id={`${id}-title`}>Connect a repository</h2>
      <div className="form-grid">
        <label htmlFor={`${id}-path`}>Folder</label>
        <div className="input-with-button">
          <input id={`${id}-path`} value={path} onChange={(event) => setPath(event.target.value)} placeholder="/path/to/your/repository" required spellCheck={false} />
          {nativeDialogs && (
            <button type="button" onClick={() => void chooseFolder()}>
              Choose folder…
            </button>
          )}
        </div>
        <label htmlFor={`${id}-branch`}>Branch (optional)</label>
        <input id={`${id}-branch`} value={branch} onChange={(event) => setBranch(event.target.value)} placeholder="the repository’s current branch" />
        <label htmlFor={`${id}-prefix`}>Path prefix (optional)</label>
        <input id={`${id}-prefix`} value={prefix} onChange={(event) => setPrefix(event.target.value)} placeholder="e.g. services/api when the plan covers a monorepo" />
      </div>
      {(error || dialogError) && (
        <p role="alert" className="inline-error" data-testid="repo-error">
          {error ?? dialogError}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !path.trim()}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  )
}

function staleNote(count: number): string {
  if (count === 0) return ''
  return count === 1 ? ' One repository could not be read; its last results are kept.' : ` ${count} repositories could not be read; their last results are kept.`
}

function SyncPanel() {
  const sync = useStore((s) => s.sync)
  const syncNow = useStore((s) => s.syncNow)
  const cancelSync = useStore((s) => s.cancelSync)
  const repoCount = useStore((s) => s.repos.length)
  const running = sync?.running ?? false
  return (
    <section className="panel" aria-labelledby="sync-title">
      <header className="panel-header">
        <h2 id="sync-title">Sync</h2>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void syncNow()} disabled={running || repoCount === 0}>
            {running ? 'Syncing…' : 'Sync now'}
          </button>
          {running && (
            <button type="button" onClick={() => void cancelSync()}>
              Cancel sync
            </button>
          )}
        </div>
      </header>
      {running && sync && (
        <div aria-live="polite">
          <ProgressBar label="Sync progress" done={sync.done} total={sync.total} />
          <p className="small muted">
            {sync.phase}
            {sync.total > 0 ? ` — ${sync.done} of ${sync.total}` : ''}
          </p>
        </div>
      )}
      {!running && sync?.summary && (
        <p className="small" role="status" data-testid="sync-summary">
          {sync.summary.cancelled ? 'Sync cancelled.' : `Synced: ${plural(sync.summary.checksEvaluated, 'check')} over ${plural(sync.summary.commitsEvaluated, 'commit')} in ${(sync.summary.durationMs / 1000).toFixed(1)} s.`}
          {staleNote(sync.summary.repos.filter((repo) => repo.stale).length)}
        </p>
      )}
      {sync?.error && (
        <p role="alert" className="inline-error">
          Sync failed: {sync.error}
        </p>
      )}
      {repoCount === 0 && <p className="muted">Connect a repository first.</p>}
    </section>
  )
}

/** The git repositories that verify a plan: connect, check their health, sync with progress. */
export function ReposScreen() {
  const repos = useStore((s) => s.repos)
  const reposError = useStore((s) => s.reposError)
  const planId = useStore((s) => s.selectedPlanId)
  if (planId === null) return <section className="screen"><h1>Repositories</h1><p>Import a plan first.</p></section>
  return (
    <section className="screen" aria-labelledby="repos-title">
      <header className="screen-header">
        <h1 id="repos-title">Repositories</h1>
      </header>
      {reposError && (
        <p role="alert" className="inline-error">
          {reposError}
        </p>
      )}
      <SyncPanel />
      {repos.length > 0 && (
        <ul className="plain-list repo-list" aria-label="Connected repositories">
          {repos.map((repo) => (
            <RepoCard key={`${repo.repoId}-${repo.branch}-${repo.prefix}`} repo={repo} />
          ))}
        </ul>
      )}
      <ConnectForm />
    </section>
  )
}
