import { useEffect, useState } from 'react'
import { useStore } from '../app/store'
import type { Notice } from '../app/app-slice'
import { errorMessage } from '../lib/errors'

const NOTICE_LIFETIME_MS = 10_000

function NoticeItem({ notice }: { notice: Notice }) {
  const dismissNotice = useStore((s) => s.dismissNotice)
  const notify = useStore((s) => s.notify)
  const [undoing, setUndoing] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => dismissNotice(notice.id), NOTICE_LIFETIME_MS)
    return () => clearTimeout(timer)
  }, [notice.id, dismissNotice])

  const undo = async () => {
    if (!notice.undo) return
    setUndoing(true)
    try {
      await notice.undo()
      dismissNotice(notice.id)
    } catch (error) {
      dismissNotice(notice.id)
      notify({ tone: 'error', message: `Undo failed: ${errorMessage(error)}` })
    }
  }

  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
      {notice.undo && (
        <button type="button" className="link-button" onClick={() => void undo()} disabled={undoing}>
          Undo
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss message"
        onClick={() => dismissNotice(notice.id)}
      >
        ×
      </button>
    </div>
  )
}

/** Short confirmations (with Undo for changes) in the corner; they expire on their own. */
export function Notices() {
  const notices = useStore((s) => s.notices)
  return (
    <div className="notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </div>
  )
}
