/**
 * The columns of WHOOP's own data export (WHOOP_API.md §8), by the field each one carries. Headers
 * are localised, so each field lists the header *stems* it is known by: the header with its units in
 * parentheses and `%` removed, accents folded, lower case, letters and digits only. English stems
 * come from a real export; Spanish ones from a published Spanish export's headers.
 */
const whoopExportFields = {
  cycleStart: ['cyclestarttime', 'horadeiniciodelciclo'],
  cycleEnd: ['cycleendtime', 'horadefinalizaciondelciclo'],
  cycleTimezone: ['cycletimezone', 'zonahorariadelciclo'],
  recovery: ['recoveryscore', 'puntuacionderecuperacion'],
  restingHr: ['restingheartrate', 'frecuenciacardiacaenreposo'],
  hrv: ['heartratevariability', 'variabilidaddelafrecuenciacardiaca'],
  skinTemp: ['skintemp', 'tempcutanea'],
  spo2: ['bloodoxygen', 'oxigenoensangre'],
  dayStrain: ['daystrain', 'esfuerzodeldia'],
  energy: ['energyburned', 'energiaquemada'],
  maxHr: ['maxhr', 'fcmax'],
  averageHr: ['averagehr', 'fcpromedio'],
  sleepOnset: ['sleeponset', 'iniciodelsueno'],
  wakeOnset: ['wakeonset', 'iniciodelavigilia'],
  sleepPerformance: ['sleepperformance', 'calificaciondelsueno'],
  respiratoryRate: ['respiratoryrate', 'frecuenciarespiratoria'],
  asleep: ['asleepduration', 'duraciondelsueno'],
  inBed: ['inbedduration', 'tiempoenlacama'],
  light: ['lightsleepduration', 'duraciondesuenoligero'],
  deep: ['deepduration', 'duraciondesuenoprofundo'],
  rem: ['remduration', 'duraciondesuenorem'],
  awake: ['awakeduration', 'tiempodespierto', 'tempodespierto'],
  sleepNeed: ['sleepneed', 'suenonecesario'],
  sleepDebt: ['sleepdebt', 'deudadesueno'],
  sleepEfficiency: ['sleepefficiency', 'eficienciadelsueno'],
  sleepConsistency: ['sleepconsistency', 'regularidaddelsueno'],
  nap: ['nap', 'siesta'],
  workoutStart: ['workoutstarttime', 'horadeiniciodelentrenamiento'],
  workoutEnd: ['workoutendtime', 'horadefinalizaciondelentrenamiento'],
  duration: ['duration', 'duracion'],
  activity: ['activityname', 'nombredelaactividad'],
  activityStrain: ['activitystrain', 'esfuerzodeactividad'],
  zone1: ['hrzone1', 'zonafc1'],
  zone2: ['hrzone2', 'zonafc2'],
  zone3: ['hrzone3', 'zonafc3'],
  zone4: ['hrzone4', 'zonafc4'],
  zone5: ['hrzone5', 'zonafc5'],
  gps: ['gpsenabled', 'gpshabilitado'],
  distance: ['distance', 'distancia'],
  altitudeGain: ['altitudegain', 'gananciadealtitud'],
  altitudeChange: ['altitudechange', 'cambiodealtitud'],
  question: ['questiontext', 'textodelapregunta'],
  answeredYes: ['answeredyes', 'respondiosi'],
  notes: ['notes', 'notas']
} as const

export type WhoopExportField = keyof typeof whoopExportFields

/** The four files, told apart by the columns only they have, and the columns each must have. */
export const whoopExportFiles = {
  journal: { marker: 'question', required: ['cycleStart', 'cycleTimezone', 'question', 'answeredYes'] },
  workouts: { marker: 'workoutStart', required: ['cycleTimezone', 'workoutStart', 'workoutEnd', 'activity'] },
  cycles: { marker: 'dayStrain', required: ['cycleStart', 'cycleTimezone', 'dayStrain'] },
  sleeps: { marker: 'nap', required: ['cycleStart', 'cycleTimezone', 'sleepOnset', 'wakeOnset', 'nap'] }
} as const satisfies Record<string, { marker: WhoopExportField; required: readonly WhoopExportField[] }>

export type WhoopExportFile = keyof typeof whoopExportFiles

/** A header's stem: units and `%` dropped, accents folded, lower case, letters and digits. */
function headerStem(header: string): string {
  return header
    .replace(/\([^)]*\)/g, '')
    .replace(/%/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

const fieldByStem = new Map<string, WhoopExportField>(
  Object.entries(whoopExportFields).flatMap(([field, stems]) => stems.map((stem) => [stem, field as WhoopExportField]))
)

export function fieldOfHeader(header: string): WhoopExportField | undefined {
  return fieldByStem.get(headerStem(header))
}
