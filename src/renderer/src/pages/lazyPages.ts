import { lazy, type ComponentType } from 'react'

/**
 * The pages other than Home, and the Settings page's panels, each loaded when first opened: the
 * app's first screen does not wait for their code (or zod, which only Settings needs) to load and
 * run.
 */
const lazyPage = <Props extends object>(load: () => Promise<ComponentType<Props>>) => lazy(async () => ({ default: await load() }))

export const DayPage = lazyPage(() => import('./DayPage').then((module) => module.DayPage))
export const TrendsPage = lazyPage(() => import('./TrendsPage').then((module) => module.TrendsPage))
export const InsightsPage = lazyPage(() => import('./InsightsPage').then((module) => module.InsightsPage))
export const ComparePage = lazyPage(() => import('./ComparePage').then((module) => module.ComparePage))
export const ReportPage = lazyPage(() => import('./ReportPage').then((module) => module.ReportPage))
export const DataPage = lazyPage(() => import('./DataPage').then((module) => module.DataPage))
export const SettingsPage = lazyPage(() => import('./SettingsPage').then((module) => module.SettingsPage))
export const ActivityPanel = lazyPage(() => import('./ActivityPanel').then((module) => module.ActivityPanel))
export const DiagnosticsPanel = lazyPage(() => import('./DiagnosticsPanel').then((module) => module.DiagnosticsPanel))
export const ConnectionPanel = lazyPage(() => import('../connection/ConnectionPanel').then((module) => module.ConnectionPanel))
export const BackgroundPanel = lazyPage(() => import('../background/BackgroundPanel').then((module) => module.BackgroundPanel))
export const AssistantAccessPanel = lazyPage(() => import('../assistant/AssistantAccessPanel').then((module) => module.AssistantAccessPanel))
export const HistoryRecheck = lazyPage(() => import('../sync/HistoryRecheck').then((module) => module.HistoryRecheck))
