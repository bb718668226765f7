/** The one part of jStat the tests use: Student's t quantiles, to check the app's intervals independently. */
declare module 'jstat' {
  export const studentt: { inv(probability: number, degreesOfFreedom: number): number }
}
