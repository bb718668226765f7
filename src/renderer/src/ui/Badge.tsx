import type { HTMLAttributes } from 'react'

/** A short label beside a figure or a title: "pending", "1 unscorable", "Offline". */
export function Badge({ className, ...rest }: HTMLAttributes<HTMLSpanElement>) {
  return <span className={className ? `badge ${className}` : 'badge'} {...rest} />
}
