// Form bodies decode as browsers and servers do (URLSearchParams), and repeated fields are never silently resolved.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('form bodies', () => {
  it('keep UTF-8 intact when another escape in the same field is malformed', () => {
    const result = classify({ method: 'POST', url: 'https://mastodon.social/api/v1/statuses', headers: FORM, body: enc('status=caf%C3%A9+100%25+%ZZ') });
    expect(result).toMatchObject({ gated: true, parts: [{ text: 'café 100% %ZZ' }] });
  });
  it('hold repeated fields as ambiguous and show every value', () => {
    const result = classify({ method: 'POST', url: 'https://mastodon.social/api/v1/statuses', headers: FORM, body: enc('status=a&status=b') });
    expect(result).toMatchObject({ gated: true, readable: false, unreadableReason: 'ambiguous-field' });
    expect(result.gated && result.details).toEqual(
      expect.arrayContaining([
        { key: 'ambiguousField', value: 'status: a' },
        { key: 'ambiguousField', value: 'status: b' },
      ]),
    );
  });
  it('do not call array fields (media_ids[]) ambiguous', () => {
    const result = classify({
      method: 'POST',
      url: 'https://mastodon.social/api/v1/statuses',
      headers: FORM,
      body: enc('status=a&media_ids%5B%5D=1&media_ids%5B%5D=2'),
    });
    expect(result).toMatchObject({ gated: true, readable: true, parts: [{ text: 'a', mediaCount: 2 }] });
  });
});

describe('JSON bodies with long digit runs', () => {
  it('keep integer literals above 2^53 exact whatever string IDs surround them', async () => {
    const { parseJsonKeepingBigInts } = await import('../../../../shared/platforms/json-body.ts');
    expect(parseJsonKeepingBigInts('{"c":"1790000000000000002","d":12345678901234567890}')).toEqual({ c: '1790000000000000002', d: '12345678901234567890' });
    expect(parseJsonKeepingBigInts('{"a":"id 1790000000000000001","b":[-1790000000000000001]}')).toEqual({
      a: 'id 1790000000000000001',
      b: ['-1790000000000000001'],
    });
    expect(parseJsonKeepingBigInts('{"only":"1790000000000000001","n":1}')).toEqual({ only: '1790000000000000001', n: 1 });
  });
});
