import { z } from 'zod'
import type { AssistantToolName } from '../../shared/assistant'
import { trendMetrics } from '../../shared/insights'
import { sportName } from '../../shared/sportName'
import { trendBetween } from '../insights/trend'
import { change, periodFigure } from '../insights/periodFigure'
import { comparisonAnswer, dayAnswer, insightsAnswer, syncStatusAnswer, tagsAnswer, trendAnswer, workoutsAnswer } from './assistantAnswers'
import type { AssistantData } from './assistantSource'
import { dateArgument, metricArgument, rangeArgument } from './toolArguments'

export interface AssistantTool<Shape extends z.ZodRawShape> {
  name: AssistantToolName
  title: string
  description: string
  input: Shape
  answer: (data: AssistantData, args: z.output<z.ZodObject<Shape>>) => unknown
}

/** Types each tool's `answer` by its own input, while the list holds them all. */
const tool = <Shape extends z.ZodRawShape>(definition: AssistantTool<Shape>) => definition

const optionalDate = (what: string) => dateArgument.optional().describe(what)

/**
 * The tools an assistant can call: each answer comes from the same core queries as the app's pages
 * (the day view, trends, the Insights page), shaped by assistantAnswers.
 */
export const assistantTools = [
  tool({
    name: 'get_day',
    title: 'One day',
    description:
      "One day of the person's WHOOP data: recovery (percent) with HRV (ms), resting heart rate (bpm), respiratory rate (breaths/min), " +
      'SpO2 (percent) and skin temperature (°C) against their 30-day baseline and usual range; the night (minutes per stage, sleep need ' +
      'and its parts, performance/efficiency/consistency in percent); naps; day strain (0–21) and energy (kJ); each workout; the journal answers about the day (given the next morning).',
    input: { date: optionalDate('The day, YYYY-MM-DD in the person’s time zone; the newest stored day when left out.') },
    answer: ({ queries, userId, history }, { date }) => dayAnswer(queries.dayDetail(userId, date ?? history.last)!)
  }),
  tool({
    name: 'get_trend',
    title: 'One measure over a range',
    description:
      'One measure over a date range: its daily values, the mean of the days (workouts: their total), the 30-day baseline and usual range at ' +
      'the end, and the change against the period of the same length just before. Units are given in the answer (e.g. hrv in ms, asleep in hours).',
    input: {
      metric: metricArgument.describe(`The measure: ${trendMetrics.join(', ')}.`),
      start_date: optionalDate('First day, YYYY-MM-DD; 30 days before end_date when left out.'),
      end_date: optionalDate('Last day, YYYY-MM-DD; the newest stored day when left out.')
    },
    answer: ({ queries, userId, history }, { metric, start_date, end_date }) =>
      trendAnswer(trendBetween(queries.daily, { userId, metric, ...rangeArgument(start_date, end_date, history.last, 30) }))
  }),
  tool({
    name: 'compare_periods',
    title: 'Two periods side by side',
    description:
      'Compares two date ranges measure by measure (the mean of their days; workouts: the total), with the change from the first to the second ' +
      'in the measure’s unit and in percent. All measures unless some are named.',
    input: {
      first_start_date: dateArgument.describe('First period’s first day, YYYY-MM-DD.'),
      first_end_date: dateArgument.describe('First period’s last day, YYYY-MM-DD.'),
      second_start_date: dateArgument.describe('Second period’s first day, YYYY-MM-DD.'),
      second_end_date: dateArgument.describe('Second period’s last day, YYYY-MM-DD.'),
      metrics: z.array(metricArgument).min(1).optional().describe(`Measures to compare (${trendMetrics.join(', ')}); all when left out.`)
    },
    answer: ({ queries, userId, history }, args) => {
      const first = rangeArgument(args.first_start_date, args.first_end_date, history.last, 0, { start: 'first_start_date', end: 'first_end_date' })
      const second = rangeArgument(args.second_start_date, args.second_end_date, history.last, 0, { start: 'second_start_date', end: 'second_end_date' })
      const values = queries.daily.between(userId, [first.from, second.from].sort()[0], [first.to, second.to].sort()[1])
      return comparisonAnswer(
        (args.metrics ?? trendMetrics).map((metric) => {
          const a = periodFigure(values, metric, first.from, first.to)
          const b = periodFigure(values, metric, second.from, second.to)
          return { metric, first: a, second: b, ...change(b, a) }
        })
      )
    }
  }),
  tool({
    name: 'list_workouts',
    title: 'Workouts',
    description:
      'The workouts of a date range, oldest first, optionally of one sport: sport, local start and end, duration (minutes), strain (0–21), ' +
      'energy (kJ), average and max heart rate (bpm), minutes in heart-rate zones 0–5, distance and altitude gain (meters); with totals per sport.',
    input: {
      start_date: optionalDate('First day, YYYY-MM-DD; 30 days before end_date when left out.'),
      end_date: optionalDate('Last day, YYYY-MM-DD; the newest stored day when left out.'),
      sport: z.string().trim().min(1).max(60).optional().describe('Only this sport, as WHOOP names it (e.g. "running", "Functional Fitness").')
    },
    answer: ({ queries, userId, history }, { start_date, end_date, sport }) => {
      const range = rangeArgument(start_date, end_date, history.last, 30)
      const wanted = sport?.toLowerCase()
      const workouts = queries.workouts
        .between(userId, range.from, range.to)
        .filter((workout) => wanted === undefined || workout.sport.toLowerCase() === wanted || sportName(workout.sport).toLowerCase() === wanted)
      return workoutsAnswer(workouts, { ...range, sport })
    }
  }),
  tool({
    name: 'list_tags',
    title: 'Tags on days',
    description:
      'The tags the person put on their own days in the app (e.g. sick, travel, alcohol, late meal, hard training, or their own words), ' +
      'each with how many days carry it, and the tagged days of a date range with their tags.',
    input: {
      start_date: optionalDate('First day, YYYY-MM-DD; 90 days before end_date when left out.'),
      end_date: optionalDate('Last day, YYYY-MM-DD; the newest stored day when left out.')
    },
    answer: ({ queries, userId, history }, { start_date, end_date }) => {
      const range = rangeArgument(start_date, end_date, history.last, 90)
      return tagsAnswer(queries.tags.uses(userId), queries.tags.taggedDays(userId, range.from, range.to), range)
    }
  }),
  tool({
    name: 'get_journal_insights',
    title: 'Journal insights',
    description:
      'What the person’s WHOOP journal and their own day tags say about the morning after: an answer tells of the day before the morning it ' +
      'was given, a tag of its own day. For each question or tag with at least 10 days on each side, the difference in next-morning recovery (points), HRV (ms), resting heart rate ' +
      "(bpm) and sleep performance (points) with Welch's 95 % confidence interval, Hedges' g and a Benjamini–Hochberg q-value over every " +
      'comparison (clear: q ≤ 0.05), in numbers and words; and day strain against next-morning recovery. Associations, not causes.',
    input: {},
    answer: ({ queries, userId }) => insightsAnswer(queries.insights(userId))
  }),
  tool({
    name: 'get_sync_status',
    title: 'What is stored',
    description: 'Which days the stored history covers, how many records of each kind, where they came from, and when the app last synced with WHOOP.',
    input: {},
    answer: ({ summary, isDemo }) => syncStatusAnswer(summary(), { isDemo })
  })
]
