// The names of the IPC channels, without their schemas, so the sandboxed preload stays small (no zod in it).

/** Every channel the app renderer may invoke; contract.ts checks this list against its schemas. */
export const INVOKE_CHANNEL_NAMES = [
  'app:state',
  'accounts:create',
  'accounts:update',
  'accounts:remove',
  'accounts:reorder',
  'accounts:activate',
  'settings:update',
  'warnings:dismiss',
  'view:bounds',
  'view:covered',
  'view:reload',
  'view:stopped',
  'gate:queue',
  'gate:decide',
  'gate:undo',
  'gate:recent',
  'gate:reset-identity',
  'gate:check-har',
  'log:query',
  'log:rows',
  'log:unknown',
  'log:set-start',
  'log:export',
  'log:import',
] as const;

/** Every event main sends to the app renderer; contract.ts checks this list against its payload map. */
export const EVENT_CHANNEL_NAMES = ['state:changed', 'gate:queue', 'log:changed', 'view:stopped'] as const;
