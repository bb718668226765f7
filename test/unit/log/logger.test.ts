import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../src/main/log/logger'
import { makeTempDir } from '../../support/harness/tempDir'
import { createVirtualClock } from '../../support/harness/virtualClock'

describe('the log file', () => {
  it('blanks secrets, known or recognisable, before writing', () => {
    const dir = makeTempDir()
    const log = createLogger({ dataDir: dir, clock: createVirtualClock(), secrets: () => ['known-secret-value-42'] })
    log.error('Refresh failed for known-secret-value-42', new Error('POST body refresh_token=abc123def&client_secret=s3cr3t-xyz'))
    log.warn('GET /v2/cycle with Authorization: Bearer eyJhbGciOi.payload.sig')
    log.info('redirect whoop-desktop://oauth/callback?code=auth-code-999&state=abcdefgh')
    const text = fs.readFileSync(path.join(dir, 'logs', 'whoop-desktop.log'), 'utf8')
    for (const secret of ['known-secret-value-42', 'abc123def', 's3cr3t-xyz', 'eyJhbGciOi', 'auth-code-999']) expect(text).not.toContain(secret)
    expect(text).toContain('refresh_token=[redacted]')
    expect(text).toContain('Bearer [redacted]')
    expect(text.split('\n').filter(Boolean)[0]).toMatch(/^2026-11-20T15:00:00.000Z ERROR Refresh failed for \[redacted\]/)
  })

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = makeTempDir()
    const log = createLogger({ dataDir: dir, clock: createVirtualClock(), secrets: () => [], maxFileBytes: 2000, keptFiles: 3 })
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(40)}`)
    const files = fs.readdirSync(path.join(dir, 'logs')).sort()
    expect(files).toEqual(['whoop-desktop.log', 'whoop-desktop.log.1', 'whoop-desktop.log.2'])
    for (const file of files) expect(fs.statSync(path.join(dir, 'logs', file)).size).toBeLessThanOrEqual(2000)
    expect(fs.readFileSync(path.join(dir, 'logs', 'whoop-desktop.log'), 'utf8')).toContain('line 199')
  })
})
