// Launches Debian's Chromium through playwright-core, with the flags this sandboxed, offline machine needs.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Platform hosts the fixture server answers for; Chromium resolves them to loopback. */
export const FIXTURE_HOSTS = ['x.com', 'upload.x.com', 'mastodon.test', 'bsky.test', 'forum.test', 'www.instagram.com', 'www.threads.com', 'app.test'] as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--host-resolver-rules=${FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}, EXCLUDE localhost`,
    ],
  });
}
