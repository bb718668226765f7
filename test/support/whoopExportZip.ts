import fs from 'node:fs'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import type { MemberHistory } from '../../src/main/demo/memberHistory'
import { makeTempDir } from './tempDir'
import { englishHeaders, whoopExportCsv } from './whoopExportFixture'

/** A ZIP of the given files (text or bytes), as `my_whoop_data.zip` in a folder of its own. */
export function zipOf(files: Record<string, string | Uint8Array>): string {
  const file = path.join(makeTempDir(), 'my_whoop_data.zip')
  fs.writeFileSync(file, zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content]))))
  return file
}

/** WHOOP's export ZIP of a history: its four CSV files, under `folder/` when given. */
export function whoopExportZip(history: MemberHistory, journal: [number, string, boolean, string][] = [], folder = ''): string {
  const csv = whoopExportCsv(history, englishHeaders, journal)
  return zipOf({
    [`${folder}physiological_cycles.csv`]: csv.cycles,
    [`${folder}sleeps.csv`]: csv.sleeps,
    [`${folder}workouts.csv`]: csv.workouts,
    [`${folder}journal_entries.csv`]: csv.journal
  })
}
