// The band drawn above a sign-in popup: the same name, @handle, platform and kind as the main frame.
import { escapeHtml } from '../escape-html.ts';
import type { Account } from './account.ts';
import { readableTextColor } from './contrast.ts';
import { PLATFORM_NAMES } from './platforms.ts';

/** Height of the band in CSS pixels, and the frame width around the popup's page. */
export const POPUP_BAND_HEIGHT = 36;
export const POPUP_FRAME_WIDTH = 8;

/**
 * A static, script-free HTML page for the popup's band. Brand accounts get stripes and the word BRAND,
 * so the kind never rests on colour alone. All account text is escaped.
 */
export function popupBandHtml(account: Pick<Account, 'name' | 'handle' | 'platform' | 'kind' | 'color'>, kindLabel: string): string {
  const text = readableTextColor(account.color);
  const stripes = account.kind === 'brand' ? `background-image:repeating-linear-gradient(135deg,transparent 0 10px,rgba(0,0,0,.12) 10px 20px);` : '';
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<body style="margin:0;height:${POPUP_BAND_HEIGHT}px;display:flex;align-items:center;gap:10px;padding:0 12px;font:600 13px system-ui,sans-serif;background:${account.color};${stripes}color:${text}">
<span>${escapeHtml(account.name)}</span><span>@${escapeHtml(account.handle)}</span><span style="font-weight:400">${escapeHtml(PLATFORM_NAMES[account.platform])}</span>
<span style="margin-left:auto;border:2px solid ${text};border-radius:99px;padding:1px 8px;letter-spacing:.08em">${escapeHtml(kindLabel)}</span></body>`;
}
