import type { Database } from 'better-sqlite3'
import type { SyncRunResult } from '../../shared/sync'
import type { Clock } from '../clock'
import { recoveryWords, hrvWords } from './glanceWords'
import type { TodayGlance } from './todayGlance'

/** A notification for the person; a click opens `opens` in the app. */
export interface Notice {
  title: string
  body: string
  opens: 'today' | 'settings'
}

export interface MorningNoticeOptions {
  db: Database
  clock: Clock
  glance: () => TodayGlance | null
  /** Whether the person turned the morning notification on. */
  enabled: () => boolean
  notify: (notice: Notice) => void
}

/**
 * After each sync: once a day, the morning's recovery as soon as WHOOP has scored it ("Recovery
 * 24% — red. HRV 38 ms, below your usual 50–73"), and once, the request to connect again when WHOOP
 * refused the sign-in. Each is remembered in the database, so a re-sync, a rescored recovery or a
 * restart never repeats it. A recovery the person could not have been told about this morning
 * (the first download after connecting, a day while the notification was off) is remembered
 * without a notification; demo and imported history never notify.
 */
export function createMorningNotice(options: MorningNoticeOptions) {
  const { db, clock } = options
  const sent = db.prepare<[string, string], { at: string }>('SELECT at FROM notice_sent WHERE kind = ? AND subject = ?')
  const remember = db.prepare('INSERT OR IGNORE INTO notice_sent (kind, subject, at) VALUES (?, ?, ?)')
  const forget = db.prepare('DELETE FROM notice_sent WHERE kind = ?')
  /** Remembers the notice; true when it is new. */
  const firstTime = (kind: string, subject: string) => remember.run(kind, subject, new Date(clock.now()).toISOString()).changes === 1

  function recoveryNotice(glance: TodayGlance): Notice {
    const hrv = hrvWords(glance)
    return { title: recoveryWords(glance), body: hrv ? `${hrv}.` : 'Open WHOOP Desktop to see why.', opens: 'today' }
  }

  return {
    /** What a sync that just ended means for the person, if anything. */
    afterSync(result: SyncRunResult): void {
      if (result.resources.some((outcome) => outcome.error?.kind === 'reconnect-needed')) {
        if (firstTime('reconnect', 'needed')) {
          options.notify({ title: 'WHOOP needs you to connect again', body: 'WHOOP no longer accepts the saved sign-in, so WHOOP Desktop cannot sync. Connect again in Settings.', opens: 'settings' })
        }
        return
      }
      const glance = options.glance()
      if (!glance || !glance.isToday || glance.isDemo || !glance.recoveryFromWhoop || sent.get('recovery', glance.date)) return
      // The first download brings this morning's recovery with the whole history: not news.
      const tell = options.enabled() && result.trigger !== 'connect'
      if (firstTime('recovery', glance.date) && tell) options.notify(recoveryNotice(glance))
    },
    /** Connected again: a later refusal is news again. */
    connected(): void {
      forget.run('reconnect')
    }
  }
}
