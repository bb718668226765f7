import { useEffect, useState } from 'react'
import type { Result } from '../../shared/result'

/** Loads one API result when the component mounts; `undefined` while it is on its way. */
export function useApiResult<T>(load: () => Promise<Result<T>>): Result<T> | undefined {
  const [result, setResult] = useState<Result<T>>()
  useEffect(() => {
    let current = true
    void load().then((value) => current && setResult(value))
    return () => {
      current = false
    }
  }, [load])
  return result
}
