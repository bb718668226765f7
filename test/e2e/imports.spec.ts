import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { generateMemberHistory, type MemberHistory } from '../../src/main/demo/memberHistory'
import { sportName } from '../../src/shared/sportName'
import { testClock } from '../support/harness/testClock'
import { englishHeaders, whoopExportCsv } from '../support/fixtures/whoopExportFixture'
import { memberFigures } from '../support/fixtures/memberFigures'
import { cycleDay, memberToday } from '../support/fixtures/memberDays'
import { inEnglish } from '../support/fixtures/asRead'
import { expect, saveScreenshot, test } from './fixtures'

const DAY = 86_400_000
const history = generateMemberHistory({ days: 90, now: testClock.now() })

/** WHOOP's export ZIP of a history, written where the page's file chooser can pick it. */
function exportZip(member: MemberHistory, name: string): string {
  const csv = whoopExportCsv(member, englishHeaders)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-export-e2e-')), name)
  const files = { 'physiological_cycles.csv': csv.cycles, 'sleeps.csv': csv.sleeps, 'workouts.csv': csv.workouts }
  fs.writeFileSync(file, zipSync(Object.fromEntries(Object.entries(files).map(([entry, text]) => [entry, strToU8(text)]))))
  return file
}

async function importThroughThePage(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('import-whoop-button').click()
  await (await chooser).setFiles(file)
}

test("importing WHOOP's export twice: the message counts each type, and what the newer one no longer has goes when confirmed", async ({ page, host }) => {
  // An export cut 20 days ago, holding a workout the person has since deleted at WHOOP.
  const cut = testClock.now() - 20 * DAY
  const older: MemberHistory = structuredClone({
    ...history,
    cycles: history.cycles.filter((c) => Date.parse(c.start) < cut && c.end),
    sleeps: history.sleeps.filter((s) => Date.parse(s.start) < cut),
    workouts: history.workouts.filter((w) => Date.parse(w.start) < cut)
  })
  const deleted = structuredClone(older.workouts[10])
  deleted.start = new Date(Date.parse(deleted.start) + 3 * 3_600_000).toISOString()
  deleted.end = new Date(Date.parse(deleted.end) + 3 * 3_600_000).toISOString()
  older.workouts.splice(10, 0, deleted)

  await page.goto(host.url)
  await page.getByTestId('data-link').click()
  await importThroughThePage(page, exportZip(older, 'whoop-export-october.zip'))
  const message = page.getByTestId('data-message')
  await expect(message).toContainText(`Imported whoop-export-october.zip (`)
  await expect(message).toContainText(`${older.cycles.length} cycles: ${older.cycles.length} added`)
  await expect(message).toContainText(`${older.workouts.length} workouts: ${older.workouts.length} added`)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)

  await importThroughThePage(page, exportZip(history, 'whoop-export-november.zip'))
  const newCycles = history.cycles.length - older.cycles.length
  await expect(message).toContainText(`${history.cycles.length} cycles: ${newCycles} added`)
  const question = page.getByRole('alertdialog')
  await expect(question).toContainText('This export no longer has 1 workout that an earlier export added')
  // It names the workout: its sport, and its start by the member's clock, as the page's locale writes it.
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(deleted.timezone_offset)!
  const wall = new Date(Date.parse(deleted.start) + (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000)
  const written = await page.evaluate(
    (ms) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Math.floor(ms / 60_000) * 60_000)),
    wall.getTime()
  )
  await expect(question).toContainText(`: workout (${sportName(deleted.sport_name)}), ${written}. Remove it?`)
  await expect(page.getByTestId('confirm-cancel')).toBeFocused()
  await expect(page.getByTestId('confirm-cancel')).toHaveText('Keep it')
  await expect(page.getByTestId('confirm-remove-stale')).toHaveText('Remove it')
  await saveScreenshot(page, 'import-removal-question')

  await page.getByTestId('confirm-remove-stale').click()
  await expect(message).toHaveText('Removed 1 workout that the newer export no longer has.')
  await expect(question).toHaveCount(0)
  await expect(page.getByTestId('import-whoop-button')).toBeFocused()
})

test('a WHOOP export of four years: every count of a thousand or more reads grouped, in the message and in the range at All', async ({ page, host }) => {
  const years = generateMemberHistory({ days: 4 * 365, now: testClock.now() })
  const figures = memberFigures(years)
  const today = memberToday(years, testClock.now())
  // All: every day of the history up to the member's today, as the range card counts them.
  const days = [...figures.strain.keys()].filter((day) => day <= today).length
  const workouts = figures.workouts.filter((workout) => workout.day <= today).length
  expect(Math.min(days, workouts), 'the history has thousands of days and of workouts').toBeGreaterThanOrEqual(1000)

  await page.goto(host.url)
  await page.getByTestId('data-link').click()
  await importThroughThePage(page, exportZip(years, 'whoop-export-four-years.zip'))
  const message = page.getByTestId('data-message')
  await expect(message).toContainText(`${inEnglish(years.cycles.length)} cycles: ${inEnglish(years.cycles.length)} added`)
  await expect(message).toContainText(`${inEnglish(years.workouts.length)} workouts: ${inEnglish(years.workouts.length)} added`)

  await page.getByTestId('dashboard-link').click()
  await page.getByTestId('range-all').click()
  const card = page.getByTestId('range-card')
  await expect(card.getByTestId('range-days')).toHaveText(`Means of ${inEnglish(days)} days with data`)
  await expect(card).toContainText(`Workouts${inEnglish(workouts)}`)
  // The member's first years were on a strap before WHOOP 4.0, which measured no blood oxygen: the card says from when on.
  const firstOxygen = years.recoveries.filter((recovery) => recovery.score?.spo2_percentage !== undefined).map((recovery) => cycleDay(years, recovery.cycle_id)).sort()[0]
  const month = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${firstOxygen}T00:00:00Z`))
  await expect(page.getByTestId('oxygen-from')).toContainText(`Blood oxygen and skin temperature from ${month} on`)
  await saveScreenshot(page, 'import-four-years-all')
})
