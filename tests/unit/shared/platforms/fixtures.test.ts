// Every recorded request shape (publishing and look-alikes) classifies as its fixture says.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';
import { loadFixtures, toRequest } from './fixture-helpers.ts';

const fixtures = loadFixtures();

describe('platform request fixtures', () => {
  it('exist for every platform and each names its public source', () => {
    const platforms = new Set(fixtures.map((f) => f.file.split('/')[0]));
    for (const p of ['x', 'mastodon', 'bluesky', 'threads', 'linkedin', 'facebook', 'instagram', 'reddit', 'youtube']) expect(platforms.has(p)).toBe(true);
    for (const f of fixtures) expect(f.source, f.file).toMatch(/\S{6,}/);
  });

  for (const fixture of fixtures) {
    it(`${fixture.file}: ${fixture.expect.gated ? `held as ${String(fixture.expect.action)}` : 'passes'}`, () => {
      const result = classify(
        toRequest(fixture),
        fixture.context ? { context: { ...fixture.context, fediverseHosts: new Set(fixture.context.fediverseHosts ?? []) } } : {},
      );
      expect(result).toMatchObject(fixture.expect);
      if (result.gated) {
        // Unrecognised requests are held unread on purpose (their fixtures say readable: false).
        if (fixture.expect['readable'] !== false) expect(result.readable).toBe(true);
        for (const p of result.parts) {
          if (p.replyToId !== null) expect(typeof p.replyToId).toBe('string');
          if (p.quotedId !== null) expect(typeof p.quotedId).toBe('string');
        }
      }
    });
  }
});
