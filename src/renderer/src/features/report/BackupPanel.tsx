import { useId, useState } from 'react'
import { useStore } from '../../app/store'
import { useNativeDialogs } from '../../data/hooks'
import { backupDatabase, type Notify } from './backup-action'

/** "Or to a file" (browser mode): a path the lead types; an existing file is replaced only after asking */
function BackupToPath({ id, notify }: { id: string; notify: Notify }) {
  const [path, setPath] = useState('')
  const [replacing, setReplacing] = useState<string | null>(null)
  const toPath = async (overwrite: boolean) => {
    const outcome = await backupDatabase({ to: 'path', path: path.trim(), overwrite }, notify)
    setReplacing(outcome.kind === 'exists' ? outcome.path : null)
    if (outcome.kind === 'written') setPath('')
  }
  return (
    <>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault()
          if (path.trim()) void toPath(false)
        }}
      >
        <label htmlFor={`${id}-path`}>Or to a file</label>
        <div className="input-with-button">
          <input
            id={`${id}-path`}
            value={path}
            onChange={(event) => {
              setPath(event.target.value)
              setReplacing(null)
            }}
            placeholder="/path/to/readiness-backup.db"
            spellCheck={false}
          />
          <button type="submit" disabled={!path.trim()}>
            Write backup
          </button>
        </div>
      </form>
      {replacing && (
        <div role="alertdialog" aria-labelledby={`${id}-replace`} className="confirm" data-testid="backup-replace">
          <span id={`${id}-replace`}>{replacing} already exists. Replace it with the backup?</span>
          <button type="button" className="danger" onClick={() => void toPath(true)}>
            Replace
          </button>
          <button type="button" onClick={() => setReplacing(null)} autoFocus>
            Keep it
          </button>
        </div>
      )}
    </>
  )
}

/**
 * Database backup. Desktop app: the save dialog. Browser mode: the app's own backups folder in one click, or a file
 * the lead types; replacing an existing file is asked first.
 */
export function BackupPanel() {
  const nativeDialogs = useNativeDialogs()
  const notify = useStore((s) => s.notify)
  const id = useId()
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Backup</h2>
      <p className="muted small">
        The app also keeps automatic backups: one a day while it runs and one before every upgrade (`readiness restore`
        lists them).
      </p>
      <div className="button-row">
        {nativeDialogs ? (
          <button type="button" onClick={() => void backupDatabase({ to: 'dialog' }, notify)}>
            Back up the database…
          </button>
        ) : (
          <button type="button" onClick={() => void backupDatabase({ to: 'app-folder' }, notify)}>
            Back up now
          </button>
        )}
      </div>
      {!nativeDialogs && <BackupToPath id={id} notify={notify} />}
    </section>
  )
}
