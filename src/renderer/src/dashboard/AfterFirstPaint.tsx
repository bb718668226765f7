import { useEffect, useState, type ReactNode } from 'react'

/**
 * Renders its children one frame after the rest: the main chart of each card is on screen first,
 * and the secondary charts follow, instead of everything waiting for everything.
 */
export function AfterFirstPaint({ children, height }: { children: ReactNode; height: number }) {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setReady(true))))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return ready ? <>{children}</> : <div style={{ height }} aria-hidden="true" />
}
