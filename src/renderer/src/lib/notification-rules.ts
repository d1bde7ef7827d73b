/**
 * When the cockpit shows a system notification, and what it says. Pure: no DOM access here, so tests and the
 * Node typecheck can import it (the browser glue is in ./notifications).
 */

export type NotificationKind = 'sync-finished' | 'sync-cancelled' | 'repo-resynced'

/** The Web Notifications permission, or 'unsupported' where the API is missing. */
export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported'

export interface NotifyDecision {
  /** document.hasFocus() when the event arrived */
  focused: boolean
  permission: NotificationPermissionState
  kind: NotificationKind
  /** the lead's "Allow notifications" toggle in Settings (on unless turned off) */
  enabled?: boolean
}

/** Notify only when the lead is looking elsewhere, may be notified, and did not cause the event themselves (a cancel). */
export function shouldNotify({ focused, permission, kind, enabled = true }: NotifyDecision): boolean {
  if (focused || !enabled || permission !== 'granted') return false
  return kind !== 'sync-cancelled'
}

export interface NotificationText {
  title: string
  body: string
}

export function notificationText(
  kind: NotificationKind,
  planTitle: string,
  changedRepos: string[] = [],
): NotificationText {
  switch (kind) {
    case 'repo-resynced':
      return {
        title: 'Repository changed',
        body: `${changedRepos.join(', ') || 'A connected repository'} changed; ${planTitle} was re-synced.`,
      }
    case 'sync-cancelled':
      return { title: 'Sync cancelled', body: `${planTitle}: the evidence was left as it was.` }
    case 'sync-finished':
      return { title: 'Sync finished', body: `${planTitle}: the evidence is up to date.` }
  }
}

/**
 * Tells a plain finished sync from one that followed a repo change: `repos.changed` arrives first (the watcher
 * saw HEAD or refs move), then the auto re-sync's `repos.syncProgress` with `finished: true`.
 */
export class SyncNotificationTracker {
  private readonly changedByPlan = new Map<number, string[]>()

  repoChanged(planId: number, repoName: string): void {
    const names = this.changedByPlan.get(planId) ?? []
    if (!names.includes(repoName)) names.push(repoName)
    this.changedByPlan.set(planId, names)
  }

  /** The kind of the finished sync (`phase` as the event gives it) and the repos whose change it picked up. */
  syncFinished(planId: number, phase: string): { kind: NotificationKind; changedRepos: string[] } {
    const changedRepos = this.changedByPlan.get(planId) ?? []
    this.changedByPlan.delete(planId)
    if (phase === 'cancelled') return { kind: 'sync-cancelled', changedRepos }
    return { kind: changedRepos.length > 0 ? 'repo-resynced' : 'sync-finished', changedRepos }
  }
}
