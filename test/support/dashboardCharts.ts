/**
 * How many charts the dashboard draws (recovery 5, sleep 3, strain 5 with its recovery row): the
 * tests and the dashboard bench wait for all of them, and the recharts floor draws as many bare ones.
 */
export const DASHBOARD_CHARTS = 13
