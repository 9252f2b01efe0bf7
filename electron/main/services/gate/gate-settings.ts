// Reads the gate settings with safe fallbacks, so a broken settings store never breaks the gate.
import type { GateSettings } from './types.ts';

/** Default wait for an answer, from when a post is held. */
export const DEFAULT_TIMEOUT_MS = 120_000;
// Node fires a timer whose delay exceeds a signed 32-bit int at once, which would cancel every post.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Calls `read` and repairs its answer: a missing, non-positive or non-numeric timeout becomes the
 * default; anything but `storeText: true` keeps text out of the log (the privacy-safe default).
 */
export function readGateSettings(read: () => GateSettings, report: (error: unknown) => void): GateSettings {
  let settings: Partial<GateSettings> = {};
  try {
    settings = read();
  } catch (error) {
    report(error);
  }
  const timeoutMs = settings.timeoutMs;
  return {
    timeoutMs: typeof timeoutMs === 'number' && timeoutMs > 0 ? Math.min(timeoutMs, MAX_TIMER_MS) : DEFAULT_TIMEOUT_MS,
    storeText: settings.storeText === true,
  };
}
