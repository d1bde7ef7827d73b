import { useId, useState } from 'react'
import { useStore } from '../../app/store'
import { Field, TitledForm } from '../../components/Form'
import { ProgressBar } from '../../components/ProgressBar'
import { Screen } from '../../components/Screen'
import { useNativeDialogs, useRepos } from '../../data/hooks'
import { call } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { plural } from '../../lib/format'
import { RepoCard } from './RepoCard'
import { cancelSync, connectRepo, syncNow } from './repo-actions'

/** the folder field, with "Choose folder…" where the host has a native dialog */
function FolderInput({
  id,
  path,
  setPath,
  setDialogError,
}: {
  id: string
  path: string
  setPath(path: string): void
  setDialogError(error: string | null): void
}) {
  const nativeDialogs = useNativeDialogs()
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
    <div className="input-with-button">
      <input
        id={id}
        value={path}
        onChange={(event) => setPath(event.target.value)}
        placeholder="/path/to/your/repository"
        required
        spellCheck={false}
      />
      {nativeDialogs && (
        <button type="button" onClick={() => void chooseFolder()}>
          Choose folder…
        </button>
      )}
    </div>
  )
}

function ConnectForm() {
  const busy = useStore((s) => s.repoBusy)
  const error = useStore((s) => s.repoActionError)
  const id = useId()
  const [fields, setFields] = useState({ path: '', branch: '', prefix: '' })
  const [dialogError, setDialogError] = useState<string | null>(null)
  const set = (patch: Partial<typeof fields>) => setFields((current) => ({ ...current, ...patch }))
  const submit = async () => {
    if (!fields.path.trim()) return
    const link = await connectRepo(fields.path.trim(), fields.branch.trim() || null, fields.prefix.trim() || null)
    if (link) setFields({ path: '', branch: '', prefix: '' })
  }
  return (
    <TitledForm title="Connect a repository" onSubmit={submit}>
      <div className="form-grid">
        <label htmlFor={`${id}-path`}>Folder</label>
        <FolderInput
          id={`${id}-path`}
          path={fields.path}
          setPath={(path) => set({ path })}
          setDialogError={setDialogError}
        />
        <Field
          id={`${id}-branch`}
          label="Branch (optional)"
          value={fields.branch}
          onChange={(event) => set({ branch: event.target.value })}
          placeholder="the repository’s current branch"
        />
        <Field
          id={`${id}-prefix`}
          label="Path prefix (optional)"
          value={fields.prefix}
          onChange={(event) => set({ prefix: event.target.value })}
          placeholder="e.g. services/api when the plan covers a monorepo"
        />
      </div>
      {(error || dialogError) && (
        <p role="alert" className="inline-error" data-testid="repo-error">
          {error ?? dialogError}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !fields.path.trim()}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </TitledForm>
  )
}

function staleNote(count: number): string {
  if (count === 0) return ''
  return count === 1
    ? ' One repository could not be read; its last results are kept.'
    : ` ${count} repositories could not be read; their last results are kept.`
}

function SyncOutcome() {
  const sync = useStore((s) => s.sync)
  if (!sync) return null
  const { summary } = sync
  return (
    <>
      {sync.running && (
        <div aria-live="polite">
          <ProgressBar label="Sync progress" done={sync.done} total={sync.total} />
          <p className="small muted">
            {sync.phase}
            {sync.total > 0 ? ` — ${sync.done} of ${sync.total}` : ''}
          </p>
        </div>
      )}
      {!sync.running && summary && (
        <p className="small" role="status" data-testid="sync-summary">
          {summary.cancelled
            ? 'Sync cancelled.'
            : `Synced: ${plural(summary.checksEvaluated, 'check')} over ${plural(summary.commitsEvaluated, 'commit')} in ${(summary.durationMs / 1000).toFixed(1)} s.`}
          {staleNote(summary.repos.filter((repo) => repo.stale).length)}
        </p>
      )}
      {sync.error && (
        <p role="alert" className="inline-error">
          Sync failed: {sync.error}
        </p>
      )}
    </>
  )
}

function SyncPanel({ repoCount, known }: { repoCount: number; known: boolean }) {
  const running = useStore((s) => s.sync?.running ?? false)
  return (
    <section className="panel" aria-labelledby="sync-title">
      <header className="panel-header">
        <h2 id="sync-title">Sync</h2>
        <div className="button-row">
          <button
            type="button"
            className="primary"
            onClick={() => void syncNow()}
            disabled={running || repoCount === 0}
          >
            {running ? 'Syncing…' : 'Sync now'}
          </button>
          {running && (
            <button type="button" onClick={() => void cancelSync()}>
              Cancel sync
            </button>
          )}
        </div>
      </header>
      <SyncOutcome />
      {known && repoCount === 0 && <p className="muted">Connect a repository first.</p>}
    </section>
  )
}

/** The git repositories that verify a plan: connect, check their health, sync with progress. */
export function ReposScreen() {
  const reposQuery = useRepos()
  const repos = reposQuery.data ?? []
  const planId = useStore((s) => s.selectedPlanId)
  return (
    <Screen
      title="Repositories"
      titleId="repos-title"
      empty={planId === null && 'Import a plan first.'}
      errors={[reposQuery.error && errorMessage(reposQuery.error)]}
    >
      <SyncPanel repoCount={repos.length} known={reposQuery.isSuccess} />
      {repos.length > 0 && (
        <ul className="plain-list repo-list" aria-label="Connected repositories">
          {repos.map((repo) => (
            <RepoCard key={`${repo.repoId}-${repo.branch}-${repo.prefix}`} repo={repo} />
          ))}
        </ul>
      )}
      <ConnectForm />
    </Screen>
  )
}
