// Serves the built renderer from app://hatrack/, so the UI never runs from file:// and has a fixed origin.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveAppPath } from './app-path.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://hatrack';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/** Maps app://hatrack/<path> to files under `rendererDir`, refusing anything that escapes it. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppPath(request.url, rendererDir);
    if (file === null) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
