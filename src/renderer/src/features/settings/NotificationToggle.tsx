import { useId, useState } from 'react'
import type { NotificationPermissionState } from '../../lib/notification-rules'
import {
  allowNotifications,
  notificationPermission,
  notificationsEnabled,
  setNotificationsEnabled,
} from '../../lib/notifications'

function hint(permission: NotificationPermissionState, on: boolean): string {
  if (permission === 'unsupported') return 'This window cannot show system notifications.'
  if (permission === 'denied')
    return 'Notifications are blocked for this page: allow them in the browser’s site settings.'
  if (!on) return 'Turn on to hear when a sync finishes while the cockpit is in the background.'
  return 'A notification appears when a sync finishes while the cockpit is in the background, never while you are looking at it.'
}

/** "Allow notifications": the only place the browser is asked for permission, and only on the lead's click. */
export function NotificationToggle() {
  const id = useId()
  const [permission, setPermission] = useState(notificationPermission)
  const [enabled, setEnabled] = useState(notificationsEnabled)
  const [asking, setAsking] = useState(false)
  const on = enabled && permission === 'granted'

  const toggle = async () => {
    if (on) {
      setNotificationsEnabled(false)
      setEnabled(false)
      return
    }
    setAsking(true)
    try {
      setPermission(await allowNotifications())
      setEnabled(true)
    } finally {
      setAsking(false)
    }
  }

  return (
    <fieldset className="panel" aria-describedby={`${id}-hint`}>
      <legend>Notifications</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={on}
          disabled={asking || permission === 'unsupported' || permission === 'denied'}
          onChange={() => void toggle()}
          data-testid="notifications-toggle"
        />
        Allow notifications
      </label>
      <p id={`${id}-hint`} className="muted small">
        {hint(permission, on)}
      </p>
    </fieldset>
  )
}
