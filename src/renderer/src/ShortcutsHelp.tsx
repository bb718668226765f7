import { useEffect, useRef } from 'react'
import { shortcuts } from './useKeyboardShortcuts'
import { Button } from './ui/Button'

/** The list of shortcuts, as a modal dialog: focus moves into it, Esc closes it and focus returns. */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current!
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])
  return (
    <dialog ref={dialog} className="card shortcuts" aria-labelledby="shortcuts-title" data-testid="shortcuts-help" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.keys}>
              <th scope="row">
                <kbd>{shortcut.keys}</kbd>
              </th>
              <td>{shortcut.action}</td>
              <td>{shortcut.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button onClick={onClose} autoFocus>
        Close
      </Button>
    </dialog>
  )
}
