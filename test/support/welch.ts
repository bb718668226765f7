import { studentt } from 'jstat'

const meanOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
const varianceOf = (values: readonly number[]) => {
  const mean = meanOf(values)
  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1)
}

/**
 * Welch's 95 % interval for mean(yes) − mean(no), worked out by the tests with jStat's t quantile
 * and the Welch–Satterthwaite degrees of freedom: independent of the stdlib test the app uses.
 */
export function welchInterval(yes: readonly number[], no: readonly number[]) {
  const a = varianceOf(yes) / yes.length
  const b = varianceOf(no) / no.length
  const degrees = (a + b) ** 2 / (a ** 2 / (yes.length - 1) + b ** 2 / (no.length - 1))
  const margin = studentt.inv(0.975, degrees) * Math.sqrt(a + b)
  const difference = meanOf(yes) - meanOf(no)
  return { difference, low: difference - margin, high: difference + margin, yesMean: meanOf(yes), noMean: meanOf(no) }
}

/** Least squares of y on x with the 95 % band of the fitted mean at `at`. */
export function fittedLine(points: readonly { x: number; y: number }[], at: number) {
  const n = points.length
  const mx = meanOf(points.map((p) => p.x))
  const my = meanOf(points.map((p) => p.y))
  const sxx = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0)
  const slope = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0) / sxx
  const intercept = my - slope * mx
  const s = Math.sqrt(points.reduce((sum, p) => sum + (p.y - intercept - slope * p.x) ** 2, 0) / (n - 2))
  const t = studentt.inv(0.975, n - 2)
  const fit = intercept + slope * at
  const margin = t * s * Math.sqrt(1 / n + (at - mx) ** 2 / sxx)
  return { slope, intercept, fit, low: fit - margin, high: fit + margin, slopeMargin: (t * s) / Math.sqrt(sxx) }
}

export { meanOf, varianceOf }
