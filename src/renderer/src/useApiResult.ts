import { useEffect, useState } from 'react'
import type { Result } from '../../shared/result'

/**
 * Loads one API result when the component mounts, and again when `load` or `version` changes (the
 * data was synced); `undefined` while the first is on its way.
 */
export function useApiResult<T>(load: () => Promise<Result<T>>, version?: number): Result<T> | undefined {
  const [result, setResult] = useState<Result<T>>()
  useEffect(() => {
    let current = true
    void load().then((value) => current && setResult(value))
    return () => {
      current = false
    }
  }, [load, version])
  return result
}
