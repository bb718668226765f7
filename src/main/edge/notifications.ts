import { Notification } from 'electron'
import type { Notice } from '../glance/morningNotice'

/** Shows a notice as a system notification; a click on it opens the page it names. */
export function showNotice(notice: Notice, open: (page: Notice['opens']) => void): void {
  if (!Notification.isSupported()) return
  const notification = new Notification({ title: notice.title, body: notice.body })
  notification.on('click', () => open(notice.opens))
  notification.show()
}
