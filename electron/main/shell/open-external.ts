// The one way Hatrack opens a link in the OS browser: https only, parsed, never a raw string.
import { shell } from 'electron';

/** Opens `url` in the default browser when it is https; returns whether it did. */
export function safeOpenExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  void shell.openExternal(parsed.toString());
  return true;
}
