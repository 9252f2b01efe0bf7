// The sign-in popup's band names the account like the main frame does, safely.
import { describe, expect, it } from 'vitest';
import { popupBandHtml } from '../../../../shared/accounts/popup-band.ts';

describe('popupBandHtml', () => {
  it('names the account, its platform and kind, on its colour with readable text', () => {
    const html = popupBandHtml({ name: 'Acme Coffee', handle: 'acme', platform: 'x', kind: 'brand', color: '#facc15' }, 'BRAND');
    expect(html).toContain('>Acme Coffee<');
    expect(html).toContain('>@acme<');
    expect(html).toContain('>X<');
    expect(html).toContain('>BRAND<');
    expect(html).toContain('background:#facc15');
    expect(html).toContain('color:#111111');
    expect(html).toContain('repeating-linear-gradient');
  });

  it('escapes account text and allows no script', () => {
    const html = popupBandHtml({ name: '<img src=x onerror=alert(1)>', handle: '"quote', platform: 'custom', kind: 'personal', color: '#1d4ed8' }, 'PERSONAL');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('repeating-linear-gradient');
  });
});
