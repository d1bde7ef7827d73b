import { useId, useState } from 'react'
import type { RepoLink } from '../../../../shared/contract/repos'
import { InlineConfirm } from '../../components/InlineConfirm'
import { Badge } from '../../components/StateBadge'
import { useNativeDialogs } from '../../data/hooks'
import { call } from '../../lib/api'
import { formatDateTime, shortSha } from '../../lib/format'
import { disconnectRepo, relinkRepo, updateRepo } from './repo-actions'

const STATE_TEXT: Record<string, string> = {
  ok: 'available',
  unavailable: 'unavailable',
  'not-a-repo': 'not a git repository',
  empty: 'no commits',
  shallow: 'shallow clone',
  'git-missing': 'git not installed',
  'never-synced': 'not synced yet',
}

function stateTone(repo: RepoLink): 'ok' | 'warn' | 'danger' | 'muted' {
  if (!repo.available || repo.stale) return 'danger'
  if (repo.state === 'ok') return 'ok'
  if (repo.state === 'never-synced') return 'muted'
  return 'warn'
}

function StaleExplanation({ repo, id }: { repo: RepoLink; id: string }) {
  return (
    <p id={id}>
      <strong>Showing the results of the last sync</strong> ({formatDateTime(repo.lastSyncAt)}
      {repo.headSha ? (
        <>
          , head <code>{shortSha(repo.headSha)}</code>
        </>
      ) : null}
      ) until the repository is back, relinked to where it went, or disconnected.
    </p>
  )
}

type RelinkProblem = { message: string; canForce: boolean } | null

/** relinking, and the question asked when the folder lacks the last synced commit */
function useRelink(repoId: number) {
  const [path, setPath] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<RelinkProblem>(null)
  const relink = async (force: boolean) => {
    if (!path.trim()) return
    setBusy(true)
    const outcome = await relinkRepo(repoId, path.trim(), force)
    setBusy(false)
    setProblem(outcome.ok ? null : { message: outcome.message, canForce: outcome.code === 'conflict' && !force })
    if (outcome.ok) setPath('')
  }
  const chooseFolder = async () => {
    const chosen = await call('dialogs.chooseFolder', {}).catch(() => ({ path: null }))
    if (chosen.path) setPath(chosen.path)
  }
  return { path, setPath, busy, problem, relink, chooseFolder }
}

/**
 * A repository that cannot be read now but was before: its last results stay (stale) until it is relinked to where
 * it went, comes back, or is disconnected. Relinking to a folder without the last synced commit asks first.
 */
function StaleNotice({ repo }: { repo: RepoLink }) {
  const nativeDialogs = useNativeDialogs()
  const id = useId()
  const { path, setPath, busy, problem, relink, chooseFolder } = useRelink(repo.repoId)
  return (
    <div className="stale-notice" role="group" aria-labelledby={`${id}-stale`} data-testid="repo-stale">
      <StaleExplanation repo={repo} id={`${id}-stale`} />
      <form
        className="input-with-button"
        onSubmit={(event) => {
          event.preventDefault()
          void relink(false)
        }}
      >
        <label htmlFor={`${id}-relink`} className="visually-hidden">
          New folder of {repo.name}
        </label>
        <input
          id={`${id}-relink`}
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="the folder it moved to"
          spellCheck={false}
        />
        {nativeDialogs && (
          <button type="button" onClick={() => void chooseFolder()}>
            Choose folder…
          </button>
        )}
        <button type="submit" disabled={busy || !path.trim()}>
          {busy ? 'Relinking…' : 'Relink'}
        </button>
      </form>
      {problem && (
        <div role="alert" className="inline-error" data-testid="relink-error">
          <p>{problem.message}</p>
          {problem.canForce && (
            <button type="button" className="danger-outline" onClick={() => void relink(true)}>
              It is the same project: relink anyway
            </button>
          )}
        </div>
      )}
    </div>
  )
}

/** branch and prefix, editable; saving another one drops the plan's results */
function LinkForm({ repo, id }: { repo: RepoLink; id: string }) {
  const [branch, setBranch] = useState(repo.branch ?? '')
  const [prefix, setPrefix] = useState(repo.prefix ?? '')
  const dirty = branch !== (repo.branch ?? '') || prefix !== (repo.prefix ?? '')
  return (
    <form
      className="form-grid"
      onSubmit={(event) => {
        event.preventDefault()
        void updateRepo(repo.repoId, { branch: branch.trim() || null, prefix: prefix.trim() || null })
      }}
    >
      <label htmlFor={`${id}-branch`}>Branch</label>
      <input
        id={`${id}-branch`}
        value={branch}
        placeholder={`the checked-out one (${repo.currentBranch ?? 'unknown'})`}
        onChange={(event) => setBranch(event.target.value)}
      />
      <label htmlFor={`${id}-prefix`}>Path prefix</label>
      <input
        id={`${id}-prefix`}
        value={prefix}
        placeholder="none: plan paths are repo paths"
        onChange={(event) => setPrefix(event.target.value)}
      />
      <span />
      <div className="button-row">
        <button type="submit" disabled={!dirty}>
          Save
        </button>
      </div>
    </form>
  )
}

function LinkActions({ repo }: { repo: RepoLink }) {
  const [confirming, setConfirming] = useState(false)
  return (
    <div className="button-row">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={repo.autoSync}
          onChange={(event) => void updateRepo(repo.repoId, { autoSync: event.target.checked })}
        />{' '}
        Sync automatically
      </label>
      {confirming ? (
        <InlineConfirm
          question={`Disconnect ${repo.name}?`}
          consequence={repo.stale ? 'Its last results will be dropped.' : 'Its evidence will be dropped.'}
          action="Disconnect"
          onConfirm={() => void disconnectRepo(repo.repoId)}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
          Disconnect…
        </button>
      )}
    </div>
  )
}

/** One connected repository: its health, branch and prefix (editable), auto-sync, relink when stale, and disconnect. */
export function RepoCard({ repo }: { repo: RepoLink }) {
  const id = useId()
  const attention = repo.state !== 'ok' || !repo.available || repo.stale
  const healthy = repo.available && !repo.stale
  return (
    <li
      className={`panel repo-card${repo.available ? '' : ' unavailable'}`}
      data-testid="repo-card"
      data-repo-state={repo.state}
      aria-labelledby={`${id}-name`}
    >
      <header className="panel-header">
        <h3 id={`${id}-name`}>{repo.name}</h3>
        <Badge
          tone={stateTone(repo)}
        >{`${STATE_TEXT[repo.state] ?? repo.state}${repo.stale ? ' · results stale' : ''}`}</Badge>
      </header>
      <p className="muted small">
        <code>{repo.path}</code>
      </p>
      {/* a healthy repo's message only repeats its branch (the Branch field shows it): say only what needs attention */}
      {repo.message && attention && (
        <p className={healthy ? 'small' : 'inline-error'} role={healthy ? undefined : 'alert'}>
          {repo.message}
        </p>
      )}
      {repo.stale && <StaleNotice repo={repo} />}
      <p className="small">
        Last sync {formatDateTime(repo.lastSyncAt)}
        {repo.headSha && (
          <>
            {' '}
            · head <code>{shortSha(repo.headSha)}</code>
          </>
        )}
      </p>
      <LinkForm repo={repo} id={id} />
      <LinkActions repo={repo} />
    </li>
  )
}
