import type { ApiHandlers } from '../../shared/api'
import { AppError } from '../api/apiErrors'
import type { Clock } from '../clock'
import type { AccountQueries } from '../store/accounts'
import type { DayTags } from '../store/dayTags'

export interface TagDeps {
  tags: DayTags
  accounts: AccountQueries
  clock: Clock
}

/** Tagging the shown account's days, and the tags used so far (offered again beside the suggestions). */
export function createTagHandlers({ tags, accounts, clock }: TagDeps): Pick<ApiHandlers, 'tagDay' | 'untagDay' | 'getTagUses'> {
  const shownUser = () => {
    const userId = accounts.shown()?.userId
    if (userId === undefined) throw new AppError('not-connected', 'Connect WHOOP or load the demo before tagging a day.')
    return userId
  }
  return {
    tagDay: ({ date, tag }) => {
      const userId = shownUser()
      tags.add(userId, date, tag, clock.now())
      return { date, tags: tags.on(userId, date) }
    },
    untagDay: ({ date, tag }) => {
      const userId = shownUser()
      tags.remove(userId, date, tag)
      return { date, tags: tags.on(userId, date) }
    },
    getTagUses: () => {
      const userId = accounts.shown()?.userId
      return userId === undefined ? [] : tags.uses(userId)
    }
  }
}
