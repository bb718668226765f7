import type { HTMLAttributes, ReactNode } from 'react'

type CardProps = HTMLAttributes<HTMLElement> & {
  /** A section of the page (the default), or a block inside one (`div`), or a note (`p`). */
  as?: 'section' | 'div' | 'p'
  children: ReactNode
}

/** The page's unit of content: a surface with the kit's padding, radius and border. */
export function Card({ as: Element = 'section', className, children, ...rest }: CardProps) {
  return (
    <Element className={className ? `card ${className}` : 'card'} {...rest}>
      {children}
    </Element>
  )
}

/** What a page says before there is any data to show, with the three ways to get some. */
export function NoDataYet() {
  return <Card as="p" className="muted">There is no data yet. Connect your WHOOP account, import WHOOP's export, or load the demo data.</Card>
}
