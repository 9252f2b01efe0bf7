// Loads the request fixtures under tests/fixtures/platforms (each names its public source).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutgoingRequest } from '../../../../shared/gate/types.ts';
import type { PlatformId } from '../../../../shared/platforms/platform-id.ts';

/** One fixture file: a request as a web client sends it and what classify() must say about it. */
export interface RequestFixture {
  file: string;
  source: string;
  description?: string;
  request: { method: string; url: string; headers?: Record<string, string>; body: string | null };
  /** The session the request comes from (see ClassifyContext); absent = no context (every host). */
  context?: { platform?: PlatformId; serverHost?: string; fediverseHosts?: string[] };
  expect: Record<string, unknown> & { gated: boolean };
}

/** Directory holding the platform fixtures. */
export const FIXTURE_ROOT = join(import.meta.dirname, '../../../fixtures/platforms');

/** Every fixture, optionally for one platform, sorted by path. */
export function loadFixtures(platform?: string): RequestFixture[] {
  const platforms = platform ? [platform] : readdirSync(FIXTURE_ROOT).sort();
  const out: RequestFixture[] = [];
  for (const p of platforms) {
    for (const name of readdirSync(join(FIXTURE_ROOT, p)).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = `${p}/${name}`;
      const parsed = JSON.parse(readFileSync(join(FIXTURE_ROOT, file), 'utf8')) as Omit<RequestFixture, 'file'>;
      out.push({ file, ...parsed });
    }
  }
  return out;
}

/** The fixture's request in the shape the adapters hand to classify(). */
export function toRequest(fixture: RequestFixture): OutgoingRequest {
  const { method, url, headers, body } = fixture.request;
  return { method, url, headers, body: body === null ? null : new TextEncoder().encode(body) };
}
