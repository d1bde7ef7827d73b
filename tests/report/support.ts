import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../support/paths'

/** The print view is part of the renderer build; (re)build it when out/renderer lacks it. */
export function ensureRendererBuilt(): void {
  const assets = join(repoRoot, 'out', 'renderer', 'assets')
  const built =
    existsSync(assets) &&
    readdirSync(assets).some(
      (file) => file.endsWith('.js') && readFileSync(join(assets, file), 'utf8').includes('data-report-state'),
    )
  if (built) return
  execFileSync(
    process.execPath,
    [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: repoRoot, stdio: 'pipe', timeout: 120_000 },
  )
}

export function pdfPages(pdf: string): number {
  const match = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))
  if (!match) throw new Error(`pdfinfo gave no page count for ${pdf}`)
  return Number(match[1])
}

export function pdfText(pdf: string, options: { page?: number; layout?: boolean } = {}): string {
  const args = [
    ...(options.layout ? ['-layout'] : []),
    ...(options.page ? ['-f', String(options.page), '-l', String(options.page)] : []),
    pdf,
    '-',
  ]
  return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

export interface WordBox {
  word: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Word boxes of one page in PDF points (pdftotext -bbox), with the page size. */
export function pdfWordBoxes(pdf: string, page: number): { width: number; height: number; words: WordBox[] } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  })
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html)
  if (!size) throw new Error('pdftotext -bbox gave no page')
  const words = [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    word: m[5],
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }))
  return { width: Number(size[1]), height: Number(size[2]), words }
}
