// Decisions about an account's web contents (plain, no 'electron'): navigation guard, popups, request filter.
import type { Account } from '../../../shared/accounts/account.ts';
import { classify } from '../../../shared/gate/classify.ts';
import type { CustomRule } from '../../../shared/platforms/custom-rules.ts';
import { allowNavigation, popupTarget } from '../../../shared/accounts/site-policy.ts';

/**
 * will-frame-navigate fires for every frame. Only the main frame is guarded: a subframe loading
 * `blob:`, `about:srcdoc` or `about:blank` is how sites build editors and sign-in widgets.
 */
export function blockFrameNavigation(url: string, isMainFrame: boolean): boolean {
  return isMainFrame && !allowNavigation(url);
}

/** What setWindowOpenHandler does with a window.open / target=_blank / middle click. */
export type PopupPlan = { action: 'deny'; openExternal: string | null } | { action: 'child' };

export function planPopup(url: string, account: Pick<Account, 'startUrl'>): PopupPlan {
  const target = popupTarget(url, account);
  if (target === 'child') return { action: 'child' };
  return { action: 'deny', openExternal: target === 'external' ? url : null };
}

/**
 * Resource types the gate's onBeforeRequest listener sees. Images, fonts, media, stylesheets and scripts
 * are GETs that never publish, so they never cross into main-process JavaScript. Chromium types fetch()
 * and XMLHttpRequest (keepalive included) as `xhr`, forms as frames, sendBeacon as `ping`
 * (extensions/browser/api/web_request/web_request_info.cc, ToWebRequestResourceType). Electron
 * refuses `other` in a filter ("Invalid type", shell/browser/api/electron_api_web_request.cc), so
 * requests Chromium types `other` (downloads, prefetch) are not seen; none of them carries a page's post.
 */
export const GATED_RESOURCE_TYPES = ['mainFrame', 'subFrame', 'object', 'xhr', 'ping', 'cspReport', 'webSocket'] as const;

/** The filter for every gate listener: web URLs only, publishing-capable types only. */
export function gateRequestFilter(): { urls: string[]; types: Array<(typeof GATED_RESOURCE_TYPES)[number]> } {
  return { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'], types: [...GATED_RESOURCE_TYPES] };
}

/** The bounds of a site view in window DIPs, from the slot the renderer measured in CSS pixels at its zoom. */
export function viewBoundsAtZoom(
  bounds: { x: number; y: number; width: number; height: number },
  zoomFactor: number,
): { x: number; y: number; width: number; height: number } {
  const z = Number.isFinite(zoomFactor) && zoomFactor > 0 ? zoomFactor : 1;
  return { x: Math.round(bounds.x * z), y: Math.round(bounds.y * z), width: Math.round(bounds.width * z), height: Math.round(bounds.height * z) };
}

/**
 * Whether any rule (built-in or custom) could match `method` + `url`, whatever the body: the gate's own
 * classifier asked with an unreadable body. A matched rule that needs the body then answers "gated,
 * unreadable", so a true here is never missed; a false means the body would change nothing.
 */
export function mightPublish(method: string, url: string, customRules: readonly CustomRule[]): boolean {
  return classify({ method, url, body: null, bodyUnreadable: true }, { customRules }).gated;
}
