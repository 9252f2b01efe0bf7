// Once before the e2e tests: build the app as shipped, bundle the test bridge and page scripts, make a TLS cert.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build as buildApp } from 'electron-vite';
import { build as viteBuild } from 'vite';
import { E2E_DIR, ROOT } from './harness/paths.ts';

async function bundle(entry: string, fileName: string): Promise<void> {
  await viteBuild({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: E2E_DIR,
      emptyOutDir: false,
      minify: false,
      lib: { entry: resolve(ROOT, entry), formats: ['iife'], name: 'hatrackTest', fileName: () => fileName },
    },
  });
}

export default async function setup(): Promise<void> {
  mkdirSync(E2E_DIR, { recursive: true });
  await buildApp({ root: ROOT, logLevel: 'warn' });
  await bundle('tests/e2e/harness/bridge-entry.ts', 'bridge.js');
  await bundle('tests/e2e/pages/bsky-client.ts', 'bsky-client.js');
  if (
    !existsSync(resolve(E2E_DIR, 'cert.pem')) ||
    !execFileSync('openssl', ['x509', '-in', resolve(E2E_DIR, 'cert.pem'), '-noout', '-ext', 'subjectAltName'])
      .toString()
      .includes('upload.x.com')
  ) {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '7',
        '-subj',
        '/CN=hatrack-fixtures',
        '-keyout',
        resolve(E2E_DIR, 'key.pem'),
        '-out',
        resolve(E2E_DIR, 'cert.pem'),
        '-addext',
        'subjectAltName=DNS:x.com,DNS:upload.x.com,DNS:mastodon.test,DNS:bsky.test,DNS:forum.test,DNS:app.test',
      ],
      { stdio: 'ignore' },
    );
  }
}
