import type { MemberHistory } from '../../src/main/demo/memberHistory'
import { offsetMinutes } from '../../src/main/store/localDate'

/**
 * WHOOP's own data export (WHOOP_API.md §8) made from a member history, as WHOOP writes it: local
 * wall-clock times with the offset in `Cycle timezone` (`UTC-04:00`), kilocalories, minutes, zone
 * shares in %, `true`/`false`, empty cells for what is missing, newest rows first.
 */
export const englishHeaders = {
  cycles: 'Cycle start time,Cycle end time,Cycle timezone,Recovery score %,Resting heart rate (bpm),Heart rate variability (ms),Skin temp (celsius),Blood oxygen %,Day Strain,Energy burned (cal),Max HR (bpm),Average HR (bpm),Sleep onset,Wake onset,Sleep performance %,Respiratory rate (rpm),Asleep duration (min),In bed duration (min),Light sleep duration (min),Deep (SWS) duration (min),REM duration (min),Awake duration (min),Sleep need (min),Sleep debt (min),Sleep efficiency %,Sleep consistency %',
  sleeps: 'Cycle start time,Cycle end time,Cycle timezone,Sleep onset,Wake onset,Sleep performance %,Respiratory rate (rpm),Asleep duration (min),In bed duration (min),Light sleep duration (min),Deep (SWS) duration (min),REM duration (min),Awake duration (min),Sleep need (min),Sleep debt (min),Sleep efficiency %,Sleep consistency %,Nap',
  workouts: 'Cycle start time,Cycle end time,Cycle timezone,Workout start time,Workout end time,Duration (min),Activity name,Activity Strain,Energy burned (cal),Max HR (bpm),Average HR (bpm),HR Zone 1 %,HR Zone 2 %,HR Zone 3 %,HR Zone 4 %,HR Zone 5 %,GPS enabled,Distance (meters),Altitude gain (meters),Altitude change (meters)',
  journal: 'Cycle start time,Cycle end time,Cycle timezone,Question text,Answered yes,Notes'
}

/** The same columns as a Spanish-language account's export names them. */
export const spanishHeaders = {
  cycles: 'Hora de inicio del ciclo,Hora de finalización del ciclo,Zona horaria del ciclo,Puntuación de recuperación %,Frecuencia cardíaca en reposo (lpm),Variabilidad de la frecuencia cardíaca (ms),Temp. cutánea (celsius),Oxígeno en sangre %,Esfuerzo del día,Energía quemada (cal),FC máx. (lpm),FC promedio (lpm),Inicio del sueño,Inicio de la vigilia,Calificación del sueño %,Frecuencia respiratoria (rpm),Duración del sueño (min),Tiempo en la cama (min),Duración de sueño ligero (min),Duración de sueño profundo (SWS) (min),Duración de sueño REM (min),Tiempo despierto (min),Sueño necesario (min),Deuda de sueño (min),Eficiencia del sueño %,Regularidad del sueño %',
  sleeps: 'Hora de inicio del ciclo,Hora de finalización del ciclo,Zona horaria del ciclo,Inicio del sueño,Inicio de la vigilia,Calificación del sueño %,Frecuencia respiratoria (rpm),Duración del sueño (min),Tiempo en la cama (min),Duración de sueño ligero (min),Duración de sueño profundo (SWS) (min),Duración de sueño REM (min),Tiempo despierto (min),Sueño necesario (min),Deuda de sueño (min),Eficiencia del sueño %,Regularidad del sueño %,Siesta',
  workouts: 'Hora de inicio del ciclo,Hora de finalización del ciclo,Zona horaria del ciclo,Hora de inicio del entrenamiento,Hora de finalización del entrenamiento,Duración (min),Nombre de la actividad,Esfuerzo de actividad,Energía quemada (cal),FC máx. (lpm),FC promedio (lpm),Zona FC 1 %,Zona FC 2 %,Zona FC 3 %,Zona FC 4 %,Zona FC 5 %,GPS habilitado',
  journal: 'Hora de inicio del ciclo,Hora de finalización del ciclo,Zona horaria del ciclo,Texto de la pregunta,"Respondió ""Sí""",Notas'
}

const minutes = (ms: number | undefined) => (ms === undefined ? '' : (ms / 60_000).toFixed(1).replace(/\.0$/, ''))
const kcal = (kilojoule: number | undefined) => (kilojoule === undefined ? '' : String(Math.round(kilojoule / 4.184)))
const value = (x: number | undefined | null, digits = 1) => (x === undefined || x === null ? '' : String(Number(x.toFixed(digits))))

/** `2025-11-02 01:30:00` in the record's own timezone. */
export function localTime(iso: string | undefined | null, offset: string): string {
  if (!iso) return ''
  return new Date(Date.parse(iso) + offsetMinutes(offset) * 60_000).toISOString().slice(0, 19).replace('T', ' ')
}

const exportOffset = (offset: string) => `UTC${offset}`
const csv = (cells: string[]) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')

export function whoopExportCsv(history: MemberHistory, headers = englishHeaders, journal: [number, string, boolean, string][] = []) {
  const cycleOf = new Map(history.cycles.map((cycle) => [cycle.id, cycle]))
  const cycleCells = (cycleId: number) => {
    const cycle = cycleOf.get(cycleId)!
    return [localTime(cycle.start, cycle.timezone_offset), localTime(cycle.end, cycle.timezone_offset), exportOffset(cycle.timezone_offset)]
  }
  // Every time of a row is written in the row's one offset, its cycle's.
  const rowOffset = (cycleId: number) => cycleOf.get(cycleId)!.timezone_offset
  const sleepCells = (sleep: MemberHistory['sleeps'][number]) => {
    const s = sleep.score
    const stages = s?.stage_summary
    const need = s?.sleep_needed
    return [
      localTime(sleep.start, rowOffset(sleep.cycle_id)),
      localTime(sleep.end, rowOffset(sleep.cycle_id)),
      value(s?.sleep_performance_percentage, 0),
      value(s?.respiratory_rate),
      minutes(stages && stages.total_light_sleep_time_milli + stages.total_slow_wave_sleep_time_milli + stages.total_rem_sleep_time_milli),
      minutes(stages?.total_in_bed_time_milli),
      minutes(stages?.total_light_sleep_time_milli),
      minutes(stages?.total_slow_wave_sleep_time_milli),
      minutes(stages?.total_rem_sleep_time_milli),
      minutes(stages?.total_awake_time_milli),
      minutes(need && need.baseline_milli + need.need_from_sleep_debt_milli + need.need_from_recent_strain_milli + need.need_from_recent_nap_milli),
      minutes(need?.need_from_sleep_debt_milli),
      value(s?.sleep_efficiency_percentage, 0),
      value(s?.sleep_consistency_percentage, 0)
    ]
  }
  const cycles = history.cycles.map((cycle) => {
    const recovery = history.recoveries.find((r) => r.cycle_id === cycle.id)
    const sleep = history.sleeps.find((s) => s.cycle_id === cycle.id && !s.nap)
    const r = recovery?.score
    return csv([
      ...cycleCells(cycle.id),
      value(r?.recovery_score, 0),
      value(r?.resting_heart_rate, 0),
      value(r?.hrv_rmssd_milli, 0),
      value(r?.skin_temp_celsius, 2),
      value(r?.spo2_percentage, 2),
      value(cycle.score?.strain),
      kcal(cycle.score?.kilojoule),
      value(cycle.score?.max_heart_rate, 0),
      value(cycle.score?.average_heart_rate, 0),
      ...(sleep ? sleepCells(sleep) : Array(14).fill(''))
    ])
  })
  const sleeps = history.sleeps.map((sleep) => csv([...cycleCells(sleep.cycle_id), ...sleepCells(sleep), String(sleep.nap)]))
  const workouts = history.workouts.map((workout) => {
    const cycle = history.cycles.find((c) => Date.parse(c.start) <= Date.parse(workout.start)) ?? history.cycles.at(-1)!
    const s = workout.score
    const length = Date.parse(workout.end) - Date.parse(workout.start)
    const share = (ms: number | undefined) => (ms === undefined ? '' : String(Math.round((ms / length) * 100)))
    const zones = s?.zone_durations
    const hasGps = s?.distance_meter !== undefined
    return csv([
      ...cycleCells(cycle.id),
      localTime(workout.start, cycle.timezone_offset),
      localTime(workout.end, cycle.timezone_offset),
      minutes(length),
      workout.sport_name.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join(' '),
      value(s?.strain),
      kcal(s?.kilojoule),
      value(s?.max_heart_rate, 0),
      value(s?.average_heart_rate, 0),
      share(zones?.zone_one_milli),
      share(zones?.zone_two_milli),
      share(zones?.zone_three_milli),
      share(zones?.zone_four_milli),
      share(zones?.zone_five_milli),
      String(hasGps),
      ...(headers === englishHeaders ? [value(s?.distance_meter, 0), value(s?.altitude_gain_meter, 0), value(s?.altitude_change_meter, 0)] : [])
    ])
  })
  const journalRows = journal.map(([cycleIndex, question, yes, notes]) =>
    csv([...cycleCells(history.cycles[cycleIndex].id), question, String(yes), notes])
  )
  const file = (header: string, rows: string[]) => `${header}\n${rows.join('\n')}\n`
  return {
    cycles: file(headers.cycles, cycles),
    sleeps: file(headers.sleeps, sleeps),
    workouts: file(headers.workouts, workouts),
    journal: file(headers.journal, journalRows)
  }
}

