// The coverage table cannot drift from the rule catalog, and a blocked channel is refused exactly where it says.
import { describe, expect, it } from 'vitest';
import { defaultGatePolicy, type Account } from '../../../../shared/accounts/account.ts';
import { blockedChannels, blocksRequest, GATE_COVERAGE, type CoveredPlatform } from '../../../../shared/gate/coverage.ts';
import { POST_ACTIONS } from '../../../../shared/gate/types.ts';
import { PLATFORM_RULES } from '../../../../shared/platforms/index.ts';
import { PLATFORM_IDS } from '../../../../shared/platforms/platform-id.ts';

type Gated = Pick<Account, 'platform' | 'kind' | 'gate'>;
const brand = (platform: Account['platform']): Gated => ({ platform, kind: 'brand', gate: defaultGatePolicy('brand') });

describe('GATE_COVERAGE', () => {
  it('lists every platform with built-in rules, and every action on each', () => {
    const withRules = new Set(PLATFORM_RULES.map((rule) => rule.platform));
    expect(new Set(Object.keys(GATE_COVERAGE))).toEqual(withRules);
    expect(PLATFORM_IDS.filter((id) => id !== 'custom').every((id) => id in GATE_COVERAGE)).toBe(true);
    for (const actions of Object.values(GATE_COVERAGE)) expect(Object.keys(actions).sort()).toEqual([...POST_ACTIONS].sort());
  });

  it('names, for each held or blocked entry, rules that exist on that platform', () => {
    for (const [platform, actions] of Object.entries(GATE_COVERAGE) as [CoveredPlatform, (typeof GATE_COVERAGE)[CoveredPlatform]][]) {
      const names = new Set(PLATFORM_RULES.filter((rule) => rule.platform === platform).map((rule) => rule.name));
      for (const [action, coverage] of Object.entries(actions)) {
        if (coverage.status === 'held') expect(coverage.rules.length, `${platform} ${action}`).toBeGreaterThan(0);
        if (coverage.status === 'held' || coverage.status === 'blocked') {
          for (const rule of coverage.rules) expect(names.has(rule), `${platform} ${action}: rule ${rule}`).toBe(true);
        }
      }
    }
  });

  it('calls an action held wherever a rule reports it when the body cannot be read', () => {
    for (const rule of PLATFORM_RULES) {
      if (rule.fallbackAction === undefined || rule.platform === 'custom') continue;
      const coverage = GATE_COVERAGE[rule.platform][rule.fallbackAction];
      expect(coverage.status === 'held' || coverage.status === 'blocked', `${rule.name} → ${rule.fallbackAction}`).toBe(true);
      if (coverage.status === 'held' || coverage.status === 'blocked') expect(coverage.rules, rule.name).toContain(rule.name);
    }
  });
});

describe('blocked channels', () => {
  it('refuses Facebook and Instagram WebSocket handshakes on a brand account that holds messages', () => {
    expect(blockedChannels(brand('facebook'))).toEqual([{ channel: 'webSocket', action: 'message', platform: 'facebook' }]);
    expect(blocksRequest(brand('facebook'), 'wss://edge-chat.facebook.com/chat?region=frc', 'webSocket')).toBe(true);
    expect(blocksRequest(brand('facebook'), 'wss://edge-chat.messenger.com/chat', 'other')).toBe(true);
    expect(blocksRequest(brand('instagram'), 'wss://edge-chat.instagram.com/chat', 'webSocket')).toBe(true);
    expect(blocksRequest(brand('instagram'), 'wss://EDGE-CHAT.instagram.com./chat', 'webSocket')).toBe(true);
  });

  it('lets ordinary requests, other hosts, and accounts that do not hold messages keep their sockets', () => {
    expect(blocksRequest(brand('facebook'), 'https://www.facebook.com/api/graphql/', 'xhr')).toBe(false);
    expect(blocksRequest(brand('facebook'), 'wss://example.com/socket', 'webSocket')).toBe(false);
    expect(blocksRequest(brand('facebook'), 'wss://evil-facebook.com/chat', 'webSocket')).toBe(false);
    expect(blocksRequest(brand('x'), 'wss://x.com/live', 'webSocket')).toBe(false);
    const personal: Gated = { platform: 'facebook', kind: 'personal', gate: defaultGatePolicy('personal') };
    expect(blocksRequest(personal, 'wss://edge-chat.facebook.com/chat', 'webSocket')).toBe(false);
    const messagesOff: Gated = {
      ...brand('facebook'),
      gate: { ...defaultGatePolicy('brand'), actions: { ...defaultGatePolicy('brand').actions, message: false } },
    };
    expect(blockedChannels(messagesOff)).toEqual([]);
    const gateOff: Gated = { ...brand('instagram'), gate: { ...defaultGatePolicy('brand'), mode: 'off' } };
    expect(blocksRequest(gateOff, 'wss://edge-chat.instagram.com/chat', 'webSocket')).toBe(false);
  });

  it('never throws on a malformed URL', () => {
    expect(blocksRequest(brand('facebook'), 'not a url', 'webSocket')).toBe(false);
  });
});
