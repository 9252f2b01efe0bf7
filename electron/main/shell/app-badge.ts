// The app icon's unread total (dock, launcher, taskbar overlay on Windows) and each account's desktop notices.
import { app, nativeImage, Notification, type BaseWindow } from 'electron';
import { badgeLabel, drawBadge } from '../../../shared/accounts/badge-bitmap.ts';
import type { UnreadNotice } from '../../../shared/accounts/unread-notice.ts';

const OVERLAY_SIZE = 16;
const OVERLAY_FILL = '#d92d20';
const NOTICE_ICON_SIZE = 64;

/** Puts `count` on the app icon; on Windows, where setBadgeCount does nothing, a drawn overlay says it. */
export function showUnreadTotal(window: BaseWindow, total: { count: number; more: boolean }, description: string): void {
  app.setBadgeCount(total.count);
  if (process.platform !== 'win32') return;
  const label = badgeLabel(total.count, total.more);
  const image = label
    ? nativeImage.createFromBitmap(Buffer.from(drawBadge(OVERLAY_SIZE, OVERLAY_FILL, label)), { width: OVERLAY_SIZE, height: OVERLAY_SIZE })
    : null;
  window.setOverlayIcon(image, label ? description : '');
}

/** A desktop notice naming the account, its icon a disc in the account's colour; clicking it opens the account. */
export function showNotice(notice: UnreadNotice, onClick: (accountId: string) => void): void {
  if (!Notification.isSupported()) return;
  const icon = nativeImage.createFromBitmap(Buffer.from(drawBadge(NOTICE_ICON_SIZE, notice.color)), { width: NOTICE_ICON_SIZE, height: NOTICE_ICON_SIZE });
  const shown = new Notification({ title: notice.title, body: notice.body, icon });
  shown.on('click', () => onClick(notice.accountId));
  shown.show();
}
