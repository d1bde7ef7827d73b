import { useId, useState } from 'react'
import { useStore } from '../../app/store'
import type { RepoLink } from '../../../../shared/contract/evidence'
import { Badge } from '../../components/StateBadge'
import { formatDateTime, shortSha } from '../../lib/format'

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
  if (!repo.available) return 'danger'
  if (repo.state === 'ok') return 'ok'
  if (repo.state === 'never-synced') return 'muted'
  return 'warn'
}

/** One connected repository: its health, branch and prefix (editable), auto-sync, and disconnect. */
export function RepoCard({ repo }: { repo: RepoLink }) {
  const updateRepo = useStore((s) => s.updateRepo)
  const disconnectRepo = useStore((s) => s.disconnectRepo)
  const id = useId()
  const [branch, setBranch] = useState(repo.branch ?? '')
  const [prefix, setPrefix] = useState(repo.prefix ?? '')
  const [confirming, setConfirming] = useState(false)
  const dirty = branch !== (repo.branch ?? '') || prefix !== (repo.prefix ?? '')
  return (
    <li className={`panel repo-card${repo.available ? '' : ' unavailable'}`} data-testid="repo-card" data-repo-state={repo.state} aria-labelledby={`${id}-name`}>
      <header className="panel-header">
        <h3 id={`${id}-name`}>{repo.name}</h3>
        <Badge tone={stateTone(repo)}>{STATE_TEXT[repo.state] ?? repo.state}</Badge>
      </header>
      <p className="muted small">
        <code>{repo.path}</code>
      </p>
      {/* a healthy repo's message only repeats its branch (the Branch field shows it): say only what needs attention */}
      {repo.message && (repo.state !== 'ok' || !repo.available) && (
        <p className={repo.available ? 'small' : 'inline-error'} role={repo.available ? undefined : 'alert'}>
          {repo.message}
        </p>
      )}
      <p className="small">
        Last sync {formatDateTime(repo.lastSyncAt)}
        {repo.headSha && (
          <>
            {' '}
            · head <code>{shortSha(repo.headSha)}</code>
          </>
        )}
      </p>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault()
          void updateRepo(repo.repoId, { branch: branch.trim() || null, prefix: prefix.trim() || null })
        }}
      >
        <label htmlFor={`${id}-branch`}>Branch</label>
        <input id={`${id}-branch`} value={branch} placeholder={`the checked-out one (${repo.currentBranch ?? 'unknown'})`} onChange={(event) => setBranch(event.target.value)} />
        <label htmlFor={`${id}-prefix`}>Path prefix</label>
        <input id={`${id}-prefix`} value={prefix} placeholder="none: plan paths are repo paths" onChange={(event) => setPrefix(event.target.value)} />
        <span />
        <div className="button-row">
          <button type="submit" disabled={!dirty}>
            Save
          </button>
        </div>
      </form>
      <div className="button-row">
        <label className="checkbox">
          <input type="checkbox" checked={repo.autoSync} onChange={(event) => void updateRepo(repo.repoId, { autoSync: event.target.checked })} /> Sync automatically
        </label>
        {confirming ? (
          <span role="group" aria-label={`Disconnect ${repo.name}?`} className="confirm">
            <span>Its evidence will be dropped.</span>
            <button type="button" className="danger" onClick={() => void disconnectRepo(repo.repoId)}>
              Disconnect
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
            Disconnect…
          </button>
        )}
      </div>
    </li>
  )
}
