import { useId, useState, type FormEvent } from 'react'
import { MAX_TAG_LENGTH, tagSuggestions } from '../../../shared/tags'
import { api } from '../api'
import { Button } from '../ui/Button'
import { useApiResult } from '../useApiResult'
import './tags.css'

interface DayTagEditorProps {
  date: string
  /** The day's tags as last read. */
  tags: readonly string[]
  /** Told after every change, so that charts and insights read the tags again. */
  onChanged?: () => void
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/**
 * The tags on one day: each with a button that removes it, the usual ones (and the person's own most
 * used) a click away, and any other typed in.
 */
export function DayTagEditor({ date, tags: stored, onChanged }: DayTagEditorProps) {
  // What a change answered, until the day is read again (a new `stored`).
  const [changed, setChanged] = useState<{ over: readonly string[]; tags: string[] }>()
  const tags = changed?.over === stored ? changed.tags : stored
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const uses = useApiResult(api.getTagUses)
  const listId = useId()

  const change = async (method: 'tagDay' | 'untagDay', tag: string) => {
    setBusy(true)
    const result = await api[method]({ date, tag })
    setBusy(false)
    setError(result.ok ? undefined : result.error.message)
    if (!result.ok) return false
    setChanged({ over: stored, tags: result.value.tags })
    onChanged?.()
    return true
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() && (await change('tagDay', text))) setText('')
  }

  const own = uses?.ok ? uses.value.map((use) => use.tag) : []
  const offered = [...tagSuggestions, ...own.filter((tag) => !tagSuggestions.some((suggestion) => same(suggestion, tag)))]
    .filter((tag) => !tags.some((current) => same(current, tag)))
    .slice(0, 8)
  return (
    <div className="day-tags" data-testid="day-tags" data-date={date}>
      <ul className="tag-list" aria-label="Tags on this day">
        {tags.map((tag) => (
          <li key={tag} className="tag" data-testid="day-tag" data-tag={tag}>
            {tag}
            <button type="button" className="tag-remove" aria-label={`Remove the tag “${tag}”`} disabled={busy} onClick={() => void change('untagDay', tag)}>
              ×
            </button>
          </li>
        ))}
        {tags.length === 0 && <li className="muted">No tags yet.</li>}
      </ul>
      <div className="tag-offers" role="group" aria-label="Add a tag">
        {offered.map((tag) => (
          <Button key={tag} size="small" className="tag-offer" data-testid="tag-suggestion" data-tag={tag} disabled={busy} onClick={() => void change('tagDay', tag)}>
            + {tag}
          </Button>
        ))}
        <form className="tag-form" onSubmit={(event) => void submit(event)}>
          <label className="visually-hidden" htmlFor={`${listId}-input`}>
            Another tag
          </label>
          <input
            id={`${listId}-input`}
            data-testid="tag-input"
            placeholder="Another tag"
            maxLength={MAX_TAG_LENGTH}
            list={listId}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <datalist id={listId}>
            {own.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
          <Button size="small" type="submit" data-testid="tag-add" disabled={busy || !text.trim()}>
            Add
          </Button>
        </form>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
