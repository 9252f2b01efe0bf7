// Where the e2e harness finds the built app and its generated fixtures.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const E2E_DIR = resolve(ROOT, '.tmp/e2e');
export const RENDERER_DIR = resolve(ROOT, 'out/renderer');
