import type { ConnectionStatus } from '../../../shared/connection'

/** What an approved sign-in is doing while the member is fetched: said instead of "Approve…". */
export function finishingText(finishing: NonNullable<ConnectionStatus['finishing']>): string {
  return finishing.waitingUntil
    ? `Approved. Waiting for WHOOP’s rate limit until ${new Date(finishing.waitingUntil).toLocaleTimeString()}, then fetching your WHOOP profile…`
    : 'Approved. Fetching your WHOOP profile…'
}
