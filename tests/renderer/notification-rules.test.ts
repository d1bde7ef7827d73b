import { describe, expect, it } from 'vitest'
import { SyncNotificationTracker, notificationText, shouldNotify } from '../../src/renderer/src/lib/notification-rules'

type NotificationKind = Parameters<typeof shouldNotify>[0]['kind']
type NotificationPermissionState = Parameters<typeof shouldNotify>[0]['permission']

const PERMISSIONS: NotificationPermissionState[] = ['granted', 'denied', 'default', 'unsupported']
const KINDS: NotificationKind[] = ['sync-finished', 'sync-cancelled', 'repo-resynced']

describe('shouldNotify', () => {
  it('never notifies while the window has focus, whatever the permission and kind', () => {
    for (const permission of PERMISSIONS)
      for (const kind of KINDS)
        expect(shouldNotify({ focused: true, permission, kind }), `${permission} ${kind}`).toBe(false)
  })

  it('notifies an unfocused window of a finished sync or a re-sync after a repo change, only with permission granted', () => {
    for (const kind of ['sync-finished', 'repo-resynced'] as const) {
      expect(shouldNotify({ focused: false, permission: 'granted', kind })).toBe(true)
      for (const permission of ['denied', 'default', 'unsupported'] as const)
        expect(shouldNotify({ focused: false, permission, kind }), permission).toBe(false)
    }
  })

  it('stays quiet about a sync the lead cancelled, and when the Settings toggle is off', () => {
    expect(shouldNotify({ focused: false, permission: 'granted', kind: 'sync-cancelled' })).toBe(false)
    expect(shouldNotify({ focused: false, permission: 'granted', kind: 'sync-finished', enabled: false })).toBe(false)
    expect(shouldNotify({ focused: false, permission: 'granted', kind: 'sync-finished', enabled: true })).toBe(true)
  })
})

describe('SyncNotificationTracker', () => {
  it('calls a finished sync a re-sync when a repo of that plan changed before it, once', () => {
    const tracker = new SyncNotificationTracker()
    tracker.repoChanged(1, 'backend')
    tracker.repoChanged(1, 'backend')
    tracker.repoChanged(2, 'frontend')
    expect(tracker.syncFinished(1, 'done')).toEqual({ kind: 'repo-resynced', changedRepos: ['backend'] })
    expect(tracker.syncFinished(1, 'done')).toEqual({ kind: 'sync-finished', changedRepos: [] })
    expect(tracker.syncFinished(2, 'cancelled')).toEqual({ kind: 'sync-cancelled', changedRepos: ['frontend'] })
    expect(tracker.syncFinished(2, 'done').kind).toBe('sync-finished')
  })

  it('names the plan and the changed repos in the text', () => {
    expect(notificationText('repo-resynced', 'Launch plan', ['backend', 'web'])).toEqual({
      title: 'Repository changed',
      body: 'backend, web changed; Launch plan was re-synced.',
    })
    expect(notificationText('sync-finished', 'Launch plan').body).toContain('Launch plan')
  })
})
