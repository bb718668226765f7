import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Button } from './ui/Button'

/**
 * A question asked in place of the button that asked it. Focus moves into it (to Cancel, the safe
 * answer) when it opens, Escape cancels, and focus goes back to the asking button when it closes.
 */
export function useConfirmation() {
  const [open, setOpen] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(false)
  useEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus()
    wasOpen.current = open
  }, [open])
  return { open, trigger, ask: () => setOpen(true), close: () => setOpen(false) }
}

interface ConfirmationProps {
  question: string
  onCancel: () => void
  /** What declining is called, when "Cancel" would not say it (e.g. "Keep them"). */
  cancelLabel?: string
  children: ReactNode
}

export function Confirmation({ question, onCancel, cancelLabel = 'Cancel', children }: ConfirmationProps) {
  const questionId = useId()
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => cancel.current?.focus(), [])
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={questionId} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <p id={questionId}>{question}</p>
      {children}
      <Button ref={cancel} data-testid="confirm-cancel" onClick={onCancel}>
        {cancelLabel}
      </Button>
    </div>
  )
}
