import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(10000),
  height: z.number().int().min(300).max(10000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof WindowStateSchema>

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }

export function loadWindowState(file: string): WindowState {
  try {
    return WindowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state))
  } catch {
    // losing the window position is harmless
  }
}
