// Resolves an app:// URL to a file under the renderer folder (plain: node:path only), or null when it would leave it.
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_HOST = 'hatrack';

/**
 * The file `url` names under `rendererDir`, or null. The URL parser already folds `../` and `%2e%2e`;
 * what is left after percent-decoding (an encoded slash or backslash, a drive letter, a NUL) is checked
 * again, so nothing outside `rendererDir` is ever served.
 */
export function resolveAppPath(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.' || /^[a-z]:/i.test(segment))) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return file;
}
