import { useEffect, useState } from 'react'
import type { Result } from '../../shared/result'
import { useOpening, type Opening } from './openingRequests'

/**
 * Loads one API result when the component mounts, and again when `load` or `version` changes (the
 * data was synced); `undefined` while the first is on its way. `opening` may hand over the same
 * request made before the app rendered (`openingRequests`).
 */
export function useApiResult<T>(load: () => Promise<Result<T>>, version?: number, opening: () => Opening<T> | undefined = () => undefined): Result<T> | undefined {
  const { arrived, takeUnused } = useOpening(opening)
  const [result, setResult] = useState(arrived)
  useEffect(() => {
    let current = true
    void (takeUnused() ?? load()).then((value) => current && setResult(value))
    return () => {
      current = false
    }
  }, [load, version, takeUnused])
  return result
}
