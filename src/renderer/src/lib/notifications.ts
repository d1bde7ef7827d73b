import {
  shouldNotify,
  type NotificationKind,
  type NotificationPermissionState,
  type NotificationText,
} from './notification-rules'

const PREFERENCE_KEY = 'readiness-notifications'

export function notificationPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

/** The Settings toggle; on by default (Electron grants notifications without a prompt). */
export function notificationsEnabled(): boolean {
  try {
    return localStorage.getItem(PREFERENCE_KEY) !== 'off'
  } catch {
    return true
  }
}

export function setNotificationsEnabled(enabled: boolean): void {
  try {
    localStorage.setItem(PREFERENCE_KEY, enabled ? 'on' : 'off')
  } catch {
    // storage unavailable: the choice lasts for this session only through the caller's state
  }
}

/** Turns notifications on; asks the browser for permission only here, on the lead's click (never on load). */
export async function allowNotifications(): Promise<NotificationPermissionState> {
  setNotificationsEnabled(true)
  if (notificationPermission() === 'default') await Notification.requestPermission()
  return notificationPermission()
}

/** Shows a system notification when shouldNotify allows it; clicking it brings the window back. */
export function notifyIfUnfocused(kind: NotificationKind, text: NotificationText, tag: string): boolean {
  const decision = {
    focused: document.hasFocus(),
    permission: notificationPermission(),
    kind,
    enabled: notificationsEnabled(),
  }
  if (!shouldNotify(decision)) return false
  const notification = new Notification(text.title, { body: text.body, tag })
  notification.onclick = () => window.focus()
  return true
}
