import { describe, expect, it } from 'vitest'
import { parsePlanBytes } from '../../src/main/plan'
import { directoryTreePaths, looksLikePath, normalizePath } from '../../src/main/plan/files'

const FENCE = '```'

describe('file references', () => {
  const text = [
    '# P',
    '',
    '### 1.1 Wire things (4h)',
    '**File**: `./src/app.ts`',
    '',
    '**Files to Create**:',
    '- `src/new/thing.ts` - the thing',
    '- docs/guide.md - plain path',
    '',
    '**Files to Remove**:',
    '- `legacy/old.js`',
    '',
    '- [ ] Create `src/feature/flag.ts`',
    '- [ ] Call the `/health` endpoint and read `config/settings.json`',
    '- [ ] Never touch `../outside.txt`, `/etc/passwd.conf` or `-rf.sh`',
    '',
    `${FENCE}typescript`,
    '// src/lib/util.ts',
    'export const x = 1',
    FENCE,
    '',
    '**Success Criteria**: `app.ts` < 100 lines',
  ].join('\n')
  const outcome = parsePlanBytes(Buffer.from(text))
  const task = outcome.ok ? outcome.plan.tasks[0] : null

  it('reads roles from labels, verbs and mentions; normalizes ./', () => {
    const byPath = Object.fromEntries(task!.files.map((file) => [file.path, file.role]))
    expect(byPath).toMatchObject({
      'src/app.ts': 'modify',
      'src/new/thing.ts': 'create',
      'docs/guide.md': 'create',
      'legacy/old.js': 'remove',
      'src/feature/flag.ts': 'create',
      'config/settings.json': 'mention',
      'src/lib/util.ts': 'mention',
      'app.ts': 'mention',
    })
    expect(byPath['/health']).toBeUndefined()
    expect(task!.criteria).toEqual([{ text: '`app.ts` < 100 lines', line: 22 }])
  })

  it('keeps paths that escape the repository, marked unsafe and linted', () => {
    const unsafe = task!.files.filter((file) => file.unsafe).map((file) => file.path)
    expect(unsafe).toEqual(['../outside.txt', '/etc/passwd.conf', '-rf.sh'])
    const warnings = outcome.ok ? outcome.plan.warnings.filter((warning) => warning.code === 'path-escapes-repo') : []
    expect(warnings.map((warning) => warning.line)).toEqual([15, 15, 15])
  })

  it('knows a path from a route or a word pair', () => {
    expect(looksLikePath('services/x/y.py')).toBe(true)
    expect(looksLikePath('api/')).toBe(true)
    expect(looksLikePath('/health')).toBe(false)
    expect(looksLikePath('except: pass')).toBe(false)
    expect(looksLikePath('and/or')).toBe(false)
    expect(looksLikePath('1.5')).toBe(false)
    expect(normalizePath('./a/../../b')).toEqual({ path: 'a/../../b', unsafe: true })
    expect(normalizePath('a/../b')).toEqual({ path: 'a/../b', unsafe: false })
  })

  it('reads a directory tree under its root, conservatively', () => {
    const tree = [
      'server/',
      '├── routers/',
      '│   ├── __init__.py',
      '│   └── auth.py   # endpoints',
      '└── main.py  # entry',
    ].join('\n')
    expect(directoryTreePaths(tree).map((entry) => entry.path)).toEqual([
      'server/',
      'server/routers/',
      'server/routers/__init__.py',
      'server/routers/auth.py',
      'server/main.py',
    ])
    expect(directoryTreePaths('├── a.py\n└── b.py')).toEqual([])
  })
})
