import { trendMetrics } from '../../shared/insights'
import { BASELINE_DAYS, BASELINE_MINIMUM_DAYS } from '../store/baseline'
import { DAILY_VALUES_CAP, metricUnits, WORKOUTS_CAP } from './assistantAnswers'
import { MAX_RANGE_DAYS } from './toolArguments'

export const DATA_MODEL_URI = 'whoop-desktop://data-model'

/** The resource that tells an assistant what the data is, what each measure means and in what unit. */
export const dataModel = `# WHOOP Desktop data, as this server gives it

Everything comes from the WHOOP Desktop app's own database on this computer, read-only. Nothing is
fetched from WHOOP or sent anywhere.

## Days
- Dates are YYYY-MM-DD in the person's own time zone (the one WHOOP recorded with each record).
- A day's recovery, HRV, resting heart rate, SpO2 and skin temperature are those of the morning the
  person woke that day; a night belongs to the day it ended; a day's strain is that of the WHOOP
  cycle that began the night before (from falling asleep to falling asleep).
- A day holding two cycles or two main sleeps gets their mean. Unscored and pending records have no value.
- Times of day (start_local, end_local) are wall-clock times in the record's own time zone; utc_offset says which.

## Measures (get_trend, compare_periods)
${trendMetrics.map((metric) => `- \`${metric}\` (${metricUnits[metric].field}): ${metricUnits[metric].unit}`).join('\n')}

A period's value is the mean of its days that have a value (workouts: their sum).

## Baseline
The baseline on a day is the mean of the ${BASELINE_DAYS} days ending on it (at least ${BASELINE_MINIMUM_DAYS} with a value);
the usual range is one standard deviation either side.

## Journal insights
Journal answers come only from WHOOP's data export, imported in the app. WHOOP asks its journal on waking:
an answer tells of the day before the morning it was given, and is compared with that morning. For each
question with enough yes-days and no-days, the next morning's recovery, HRV, resting heart rate and sleep
performance after yes-days minus after no-days, with Welch's 95 % confidence interval, Hedges' g and a
Benjamini–Hochberg q-value over every comparison; clear means q ≤ 0.05. They are associations, not causes.

## Limits
- A range is at most ${MAX_RANGE_DAYS} days (5 years).
- get_trend lists at most ${DAILY_VALUES_CAP} daily values (the newest) and adds monthly values for longer ranges.
- list_workouts lists at most ${WORKOUTS_CAP} workouts (the newest); its per-sport totals cover the whole range.
`
