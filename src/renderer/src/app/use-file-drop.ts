import { useEffect, useState } from 'react'
import { errorMessage } from '../lib/errors'
import { looksLikePlanFile, planSourceFromFile } from '../lib/file-source'
import { startImport } from '../features/plans/plan-actions'
import { useStore } from './store'

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/** A .md/.txt plan dropped anywhere in the window opens the import preview. Returns whether a drag is over the window. */
export function useFileDrop(): boolean {
  const [dragging, setDragging] = useState(false)
  useEffect(() => {
    let depth = 0
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth++
      setDragging(true)
    }
    const leave = () => {
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const over = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault()
    }
    const drop = async (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth = 0
      setDragging(false)
      const file = event.dataTransfer?.files[0]
      const { notify } = useStore.getState()
      if (!file) return
      if (!looksLikePlanFile(file.name)) {
        notify({ tone: 'error', message: `${file.name} is not a plan: drop a .md or .txt file.` })
        return
      }
      try {
        startImport(await planSourceFromFile(file))
      } catch (error) {
        notify({ tone: 'error', message: `Could not read ${file.name}: ${errorMessage(error)}` })
      }
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
  return dragging
}
