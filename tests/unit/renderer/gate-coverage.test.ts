// The in-app coverage table follows shared/gate/coverage.ts; a brand frame says when its messages are blocked.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { BlockedChannelNotice, GateCoverageTable } from '../../../renderer/src/components/gate-coverage.tsx';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { defaultGatePolicy } from '../../../shared/accounts/account.ts';
import { GATE_COVERAGE } from '../../../shared/gate/coverage.ts';
import { POST_ACTIONS } from '../../../shared/gate/types.ts';

const render = (element: ReactElement, language = 'en') => renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, element));

describe('GateCoverageTable', () => {
  it('has one row per action with the status the coverage module gives, for every platform', () => {
    for (const platform of Object.keys(GATE_COVERAGE) as (keyof typeof GATE_COVERAGE)[]) {
      const html = render(createElement(GateCoverageTable, { platform }));
      const statuses = [...html.matchAll(/data-status="([^"]+)"/g)].map((match) => match[1]);
      expect(statuses, platform).toEqual(POST_ACTIONS.map((action) => GATE_COVERAGE[platform][action].status));
    }
  });

  it('says in words what each status means, in English and French', () => {
    expect(render(createElement(GateCoverageTable, { platform: 'facebook' }))).toContain('<th scope="row">Message</th><td>blocked</td>');
    expect(render(createElement(GateCoverageTable, { platform: 'threads' }))).toContain('not covered: goes out unheld');
    expect(render(createElement(GateCoverageTable, { platform: 'x' }), 'fr')).toContain('retenu pour vous');
  });
});

describe('BlockedChannelNotice', () => {
  const brand = { kind: 'brand' as const, gate: defaultGatePolicy('brand') };
  it('tells a Facebook or Instagram brand frame that messages are off, in English and French', () => {
    expect(render(createElement(BlockedChannelNotice, { account: { ...brand, platform: 'facebook' } }))).toContain(
      'Messages are off for this brand account: Hatrack cannot confirm them',
    );
    expect(render(createElement(BlockedChannelNotice, { account: { ...brand, platform: 'instagram' } }), 'fr')).toContain(
      'Les messages sont coupés pour ce compte de marque',
    );
  });

  it('says nothing where messages are held or not held', () => {
    expect(render(createElement(BlockedChannelNotice, { account: { ...brand, platform: 'x' } }))).toBe('');
    const off = { ...brand, platform: 'facebook' as const, gate: { ...brand.gate, actions: { ...brand.gate.actions, message: false } } };
    expect(render(createElement(BlockedChannelNotice, { account: off }))).toBe('');
  });
});
