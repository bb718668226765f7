import type { ComponentProps } from 'react'

interface Look {
  /** `primary` for the one thing to do, `danger` for what cannot be undone. */
  variant?: 'primary' | 'danger'
  size?: 'small'
}

const classOf = ({ variant, size }: Look, extra?: string) => ['button', variant, size, extra].filter(Boolean).join(' ')

/** A button in the kit's look; `type="button"` unless it submits a form. */
export function Button({ variant, size, className, type = 'button', ...rest }: Look & ComponentProps<'button'>) {
  return <button type={type} className={classOf({ variant, size }, className)} {...rest} />
}

/** A link that looks like a button: it goes somewhere rather than doing something. */
export function ButtonLink({ variant, size, className, ...rest }: Look & ComponentProps<'a'>) {
  return <a className={classOf({ variant, size }, className)} {...rest} />
}
