import { describe, expect, it } from 'vitest'
import { withNotice, type Notice } from '../../src/renderer/src/app/app-slice'

const info = (id: number, message: string, extra: Partial<Notice> = {}): Notice => ({
  id,
  tone: 'info',
  message,
  ...extra,
})

describe('corner notices', () => {
  it('a newer import notice replaces the previous one instead of stacking', () => {
    let notices: Notice[] = []
    for (let n = 1; n <= 4; n++)
      notices = withNotice(notices, info(n, `Imported plan-${n}.md: 3 work items, 6 h.`, { topic: 'import' }))
    expect(notices.map((notice) => notice.message)).toEqual(['Imported plan-4.md: 3 work items, 6 h.'])
  })

  it('keeps notices on other topics, drops an identical message, and shows at most three', () => {
    let notices = withNotice([], info(1, 'Settings saved.', { undo: async () => {} }))
    notices = withNotice(notices, { id: 2, tone: 'error', message: 'x.pdf is not a plan' })
    notices = withNotice(notices, { id: 3, tone: 'error', message: 'x.pdf is not a plan' })
    expect(notices.map((notice) => notice.id)).toEqual([1, 3])
    notices = withNotice(notices, info(4, 'Imported a.md', { topic: 'import' }))
    notices = withNotice(notices, info(5, 'Plan deleted.'))
    expect(notices.map((notice) => notice.id)).toEqual([3, 4, 5])
  })
})
