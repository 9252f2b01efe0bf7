// The IPC contract's argument schemas: what the router lets through to a handler, channel by channel.
import { describe, it, expect } from 'vitest';
import { EVENT_CHANNEL_NAMES as EVENT_CHANNELS } from '../../../../shared/ipc/channels.ts';
import { INVOKE_CHANNELS, invokeArgs, type InvokeChannel } from '../../../../shared/ipc/contract.ts';

const ID = '11111111-1111-4111-8111-111111111111';

function accepts(channel: InvokeChannel, args: unknown[]): boolean {
  return invokeArgs[channel].safeParse(args).success;
}

describe('contract', () => {
  it('names every channel domain:verb', () => {
    for (const channel of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('lists every channel that has a schema', () => {
    expect(new Set(INVOKE_CHANNELS)).toEqual(new Set(Object.keys(invokeArgs)));
  });

  it('refuses extra or missing arguments', () => {
    expect(accepts('app:state', [])).toBe(true);
    expect(accepts('app:state', ['extra'])).toBe(false);
    expect(accepts('accounts:activate', [])).toBe(false);
    expect(accepts('accounts:activate', [ID, ID])).toBe(false);
  });

  it('takes only uuids as account ids', () => {
    expect(accepts('accounts:reload', [ID])).toBe(true);
    expect(accepts('accounts:reload', ['acme'])).toBe(false);
    expect(accepts('accounts:memory', [])).toBe(true);
    expect(accepts('presence:state', [ID])).toBe(false);
    expect(accepts('accounts:activate', [ID])).toBe(true);
    for (const bad of ['acme', '', `${ID} `, 42, null, '../../etc']) expect(accepts('accounts:activate', [bad]), String(bad)).toBe(false);
  });

  it('takes only finite, non-negative view bounds', () => {
    expect(accepts('view:bounds', [{ x: 0, y: 48, width: 1200, height: 800 }])).toBe(true);
    expect(accepts('view:bounds', [{ x: -1, y: 0, width: 10, height: 10 }])).toBe(false);
    expect(accepts('view:bounds', [{ x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 10 }])).toBe(false);
    expect(accepts('view:bounds', [{ x: 0, y: 0, width: Number.NaN, height: 10 }])).toBe(false);
    expect(accepts('view:bounds', [{ x: 0, y: 0, width: 10 }])).toBe(false);
  });

  it('caps list sizes and counts', () => {
    expect(accepts('gate:recent', [500])).toBe(true);
    expect(accepts('gate:recent', [501])).toBe(false);
    expect(accepts('gate:recent', [0])).toBe(false);
    expect(accepts('gate:recent', [1.5])).toBe(false);
    expect(accepts('accounts:reorder', [Array(501).fill(ID)])).toBe(false);
  });

  it('takes a decision with a boolean confirm and an optional typed handle', () => {
    expect(accepts('gate:decide', ['p1', { confirm: true }])).toBe(true);
    expect(accepts('gate:decide', ['p1', { confirm: false, typedHandle: 'acme', secondPress: true }])).toBe(true);
    expect(accepts('gate:decide', ['p1', { confirm: 'yes' }])).toBe(false);
    expect(accepts('gate:decide', ['', { confirm: true }])).toBe(false);
    expect(accepts('gate:decide', ['p1', { confirm: true, typedHandle: 'a'.repeat(201) }])).toBe(false);
  });

  it('validates account creation with the form schema', () => {
    expect(accepts('accounts:create', [{ name: 'Acme', handle: '@acme', platform: 'x', kind: 'brand', color: '#1d4ed8' }])).toBe(true);
    expect(accepts('accounts:create', [{ name: 'Acme', handle: '@acme', platform: 'x', kind: 'brand', color: 'red' }])).toBe(false);
  });

  it('refuses settings a handler could not store', () => {
    expect(accepts('settings:update', [{ hibernateMinutes: 5 }])).toBe(true);
    expect(accepts('settings:update', [{ hibernateMinutes: 0 }])).toBe(false);
    expect(accepts('settings:update', [{ locale: 'es' }])).toBe(false);
  });
});
