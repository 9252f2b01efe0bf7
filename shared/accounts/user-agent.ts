// The user agent every account session sends: the bundled Chromium's own, without Electron's and the app's tokens.

/**
 * Strips the `Electron/x.y.z` and `<appName>/x.y.z` tokens from Electron's default user agent, so sites
 * (X, Google sign-in) see the plain Chrome UA that matches the Sec-CH-UA hints Chromium also sends.
 * Everything else, including the exact `Chrome/<version>` token, is kept as Chromium wrote it.
 */
export function chromeUserAgent(defaultUserAgent: string, appName = 'Hatrack'): string {
  const escaped = appName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tokens = new RegExp(`\\s(?:Electron|${escaped}|${escaped.toLowerCase()})\\/\\S+`, 'g');
  return defaultUserAgent
    .replace(tokens, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
