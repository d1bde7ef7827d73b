import { useEffect, useRef, type ReactNode } from 'react'

interface ModalProps {
  titleId: string
  onClose(): void
  children: ReactNode
  className?: string
  /** e.g. "drawer": slides in from the right */
  variant?: 'dialog' | 'drawer'
}

/** A native modal <dialog>: focus is trapped, Escape closes it, and focus returns where it came from. */
export function Modal({ titleId, onClose, children, className, variant = 'dialog' }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement as HTMLElement | null
    if (!dialog.open) dialog.showModal()
    const handleCancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', handleCancel)
    return () => {
      dialog.removeEventListener('cancel', handleCancel)
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog ref={ref} aria-labelledby={titleId} className={`modal modal-${variant} ${className ?? ''}`}>
      {children}
    </dialog>
  )
}
