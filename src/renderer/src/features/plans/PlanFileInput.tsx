import { useStore } from '../../app/store'
import { errorMessage } from '../../lib/errors'
import { looksLikePlanFile, planSourceFromFile } from '../../lib/file-source'
import { startImport } from './plan-actions'
import { PLAN_FILE_INPUT_ID } from './plan-picker'

/** The browser's file picker behind "Import a plan…" (hidden; the buttons open it). */
export function PlanFileInput() {
  const notify = useStore((s) => s.notify)
  return (
    <input
      id={PLAN_FILE_INPUT_ID}
      type="file"
      accept=".md,.markdown,.txt,text/markdown,text/plain"
      className="visually-hidden"
      tabIndex={-1}
      aria-label="Plan file"
      onChange={async (event) => {
        const input = event.currentTarget
        const file = input.files?.[0]
        const target = input.dataset.targetPlanId ? Number(input.dataset.targetPlanId) : null
        input.value = ''
        input.dataset.targetPlanId = ''
        if (!file) return
        if (!looksLikePlanFile(file.name)) {
          notify({ tone: 'error', message: `${file.name} is not a plan: choose a .md or .txt file.` })
          return
        }
        try {
          startImport(await planSourceFromFile(file), target)
        } catch (error) {
          notify({ tone: 'error', message: `Could not read ${file.name}: ${errorMessage(error)}` })
        }
      }}
    />
  )
}
