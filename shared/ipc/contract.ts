// The one IPC contract: every channel the app renderer may invoke, its argument schema, and the events main sends.
import { z } from 'zod';
import { EVENT_CHANNEL_NAMES, INVOKE_CHANNEL_NAMES } from './channels.ts';
import { accountInputSchema, accountPatchSchema, type Account } from '../accounts/account.ts';
import { settingsPatchSchema, type Locale, type Settings } from '../accounts/settings.ts';
import type { DecideAnswer } from '../gate/decision.ts';
import type { HarRow } from '../gate/har.ts';
import type { PendingPostView } from '../gate/pending.ts';
import type { AccountMemory } from '../accounts/memory.ts';
import type { AccountPresence } from '../accounts/presence.ts';
import type { GateRow, ReplyRow } from '../log/model.ts';
import type { LogSummary } from '../log/statistics.ts';
import { ACCOUNT_KINDS } from '../accounts/account.ts';
import { PLATFORM_IDS } from '../platforms/platform-id.ts';

/** A page of response-time entries with the summary of everything the filter selects. */
export interface LogPage {
  total: number;
  rows: ReplyRow[];
  summary: LogSummary;
}

/** The result of an import: all rows or none, with line-numbered errors. */
export type ImportAnswer = { ok: true; added: number; duplicates: number } | { ok: false; errors: string[] } | null;

/** A problem found while loading stored data, shown to the user once. */
export interface StoreWarning {
  id: string;
  /** i18n key of the message. */
  messageKey: string;
  /** Values for the message (file paths, counts). */
  values: Record<string, string | number>;
}

/** Everything the shell UI needs to draw itself. */
export interface AppState {
  accounts: Account[];
  activeId: string | null;
  settings: Settings;
  locale: Locale;
  warnings: StoreWarning[];
}

/** Each account's unread count and signed-out state, by account id (accounts nothing is known about are absent). */
export type PresenceMap = Record<string, AccountPresence>;

/** Where the account view sits inside the app window, in CSS pixels. */
export const viewBoundsSchema = z.object({
  x: z.number().finite().min(0),
  y: z.number().finite().min(0),
  width: z.number().finite().min(0),
  height: z.number().finite().min(0),
});
export type ViewBounds = z.infer<typeof viewBoundsSchema>;

const id = z.uuid();
const isoTime = z.iso.datetime({ offset: true });
/** What the dashboard selects entries by. */
export const logFilterSchema = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  accounts: z.array(z.string().min(1).max(200)).max(500).optional(),
  platforms: z.array(z.enum(PLATFORM_IDS)).max(PLATFORM_IDS.length).optional(),
  kind: z.enum(ACCOUNT_KINDS).optional(),
});
export const EXPORT_FORMATS = ['csv', 'json', 'xlsx', 'html', 'pdf'] as const;
export type ExportFormatChoice = (typeof EXPORT_FORMATS)[number];
const pendingId = z.string().min(1).max(100);
const decisionSchema = z.object({
  confirm: z.boolean(),
  typedHandle: z.string().max(200).optional(),
  secondPress: z.boolean().optional(),
});

/** Argument schemas per invoke channel; the router parses every call with these before a handler sees it. */
export const invokeArgs = {
  'app:state': z.tuple([]),
  'accounts:create': z.tuple([accountInputSchema]),
  'accounts:update': z.tuple([id, accountPatchSchema]),
  'accounts:remove': z.tuple([id]),
  'accounts:reorder': z.tuple([z.array(id).max(500)]),
  'accounts:activate': z.tuple([id]),
  'settings:update': z.tuple([settingsPatchSchema]),
  'warnings:dismiss': z.tuple([z.string().min(1).max(100)]),
  'view:bounds': z.tuple([viewBoundsSchema]),
  // The owner names what covers the view (one modal, the dashboard): the view shows again only when none is left.
  'view:covered': z.tuple([z.string().min(1).max(100), z.boolean()]),
  'view:reload': z.tuple([id]),
  'view:stopped': z.tuple([]),
  'gate:queue': z.tuple([]),
  'gate:decide': z.tuple([pendingId, decisionSchema]),
  'gate:undo': z.tuple([pendingId]),
  'gate:recent': z.tuple([z.number().int().min(1).max(500)]),
  'gate:reset-identity': z.tuple([id]),
  // A HAR over the limit is refused with a key the settings panel can say in words.
  'gate:check-har': z.tuple([z.string().max(50_000_000, { message: 'errors.harTooBig' })]),
  'log:query': z.tuple([logFilterSchema, z.object({ offset: z.number().int().min(0), limit: z.number().int().min(0).max(100_000) })]),
  'log:rows': z.tuple([logFilterSchema, z.object({ offset: z.number().int().min(0), limit: z.number().int().min(0).max(10_000) })]),
  'log:unknown': z.tuple([z.number().int().min(1).max(10_000)]),
  'log:set-start': z.tuple([z.string().min(1).max(100), isoTime]),
  'log:export': z.tuple([z.enum(EXPORT_FORMATS), logFilterSchema]),
  'log:import': z.tuple([]),
  'presence:state': z.tuple([]),
  'accounts:memory': z.tuple([]),
  'accounts:reload': z.tuple([id]),
} as const;

/** Result types per invoke channel. */
export interface InvokeResults {
  'app:state': AppState;
  'accounts:create': Account;
  'accounts:update': Account;
  'accounts:remove': void;
  'accounts:reorder': void;
  'accounts:activate': void;
  'settings:update': Settings;
  'warnings:dismiss': void;
  'view:bounds': void;
  'view:covered': void;
  'view:reload': void;
  /** Ids of the accounts whose page stopped (crashed) and waits for Reload. */
  'view:stopped': string[];
  'gate:queue': PendingPostView[];
  'gate:decide': DecideAnswer;
  'gate:undo': { ok: boolean };
  'gate:recent': GateRow[];
  'gate:reset-identity': void;
  'gate:check-har': HarRow[];
  'log:query': LogPage;
  'log:rows': { total: number; rows: ReplyRow[] };
  'log:unknown': ReplyRow[];
  'log:set-start': ReplyRow;
  'log:export': { path: string | null; count: number };
  'log:import': ImportAnswer;
  'presence:state': PresenceMap;
  /** Memory of each account's view, in rail order. */
  'accounts:memory': AccountMemory[];
  /** Reloads the account's view from its start page, freeing what the site had accumulated. */
  'accounts:reload': void;
}

export type InvokeChannel = keyof typeof invokeArgs;
/** What a caller passes (before parsing). */
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeArgs)[C]>;
/** What a handler receives (after parsing). */
export type InvokeParsed<C extends InvokeChannel> = z.output<(typeof invokeArgs)[C]>;

/** Events main sends to the app renderer. */
export interface EventPayloads {
  'state:changed': AppState;
  /** The held posts, in order; the dialog shows the first. */
  'gate:queue': PendingPostView[];
  /** The log gained or changed entries. */
  'log:changed': null;
  /** Ids of the accounts whose page stopped (crashed); the frame offers Reload. */
  'view:stopped': string[];
  /** An account's unread count or signed-out state changed. */
  'presence:changed': PresenceMap;
}
export type EventChannel = keyof EventPayloads;

/** Every invoke channel name, for the bridge and the router. */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = INVOKE_CHANNEL_NAMES;

// Compile-time proof that the name lists and the schema/payload maps name exactly the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const invokeNamesMatch: Same<(typeof INVOKE_CHANNEL_NAMES)[number], InvokeChannel> = true;
const eventNamesMatch: Same<(typeof EVENT_CHANNEL_NAMES)[number], EventChannel> = true;
void invokeNamesMatch;
void eventNamesMatch;

/** Handlers of every invoke channel, as the main process implements them. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (...args: InvokeParsed<C>) => InvokeResults[C] | Promise<InvokeResults[C]>;
};
