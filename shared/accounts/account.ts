// The account model: who the manager acts as in one frame, with its gate policy; schemas validate all input.
import { z } from 'zod';
import { PLATFORM_IDS } from '../platforms/platform-id.ts';
import { POST_ACTIONS, type PostAction } from '../gate/types.ts';

/** PERSONAL or BRAND: brand accounts are gated by default and carry a non-colour cue. */
export const ACCOUNT_KINDS = ['personal', 'brand'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** How the gate treats this account's publishing requests. */
export const GATE_MODES = ['off', 'confirm', 'type-handle', 'delay'] as const;
export type GateMode = (typeof GATE_MODES)[number];

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'errors.color' });
const httpUrl = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'errors.url' },
  );

/** Per-action switches: true means the action is held when the mode is not 'off'. */
export const actionSwitchesSchema = z.object(Object.fromEntries(POST_ACTIONS.map((action) => [action, z.boolean()])) as Record<PostAction, z.ZodBoolean>);
export type ActionSwitches = z.infer<typeof actionSwitchesSchema>;

export const gatePolicySchema = z.object({
  mode: z.enum(GATE_MODES),
  /** Seconds before a 'delay' post goes out, during which Undo cancels it. */
  delaySeconds: z.number().int().min(1).max(600),
  actions: actionSwitchesSchema,
});
export type GatePolicy = z.infer<typeof gatePolicySchema>;

/** What the manager types in the account form. */
export const accountInputSchema = z.object({
  name: z.string().trim().min(1, { message: 'errors.name' }).max(80, { message: 'errors.nameLength' }),
  handle: z
    .string()
    .trim()
    .transform((value) => value.replace(/^@/, ''))
    .pipe(z.string().min(1, { message: 'errors.handle' }).max(120, { message: 'errors.handle' })),
  platform: z.enum(PLATFORM_IDS),
  /** Mastodon / Fediverse server host, e.g. mastodon.social. */
  instance: z.string().trim().max(253).optional(),
  /** Where the account's view starts; required for 'custom', derived for known platforms when empty. */
  startUrl: httpUrl.optional(),
  kind: z.enum(ACCOUNT_KINDS),
  color: hexColor,
});
export type AccountInput = z.input<typeof accountInputSchema>;

/** A stored account. `partition` is minted once with the id and never derived again. */
export const accountSchema = z.object({
  id: z.uuid(),
  partition: z.string().regex(/^persist:account-[0-9a-f-]{36}$/),
  name: z.string().min(1).max(80),
  handle: z.string().min(1).max(120),
  platform: z.enum(PLATFORM_IDS),
  instance: z.string().max(253).optional(),
  startUrl: httpUrl,
  kind: z.enum(ACCOUNT_KINDS),
  color: hexColor,
  gate: gatePolicySchema,
  /** Words the dialog highlights; confirming then needs a second press. */
  watchWords: z.array(z.string().min(1).max(80)).max(50),
  /** Response-time target in minutes for the dashboard. */
  targetMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30),
  notifications: z.boolean(),
  /** False opts this account out of hibernation. */
  hibernate: z.boolean(),
  /** True: a desktop notice naming the account, in its colour, when its unread count rises or it is signed out. Absent in older stores: off. */
  unreadAlerts: z.boolean().optional(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

/** Fields that can be edited after creation (not the id or partition). */
export const accountPatchSchema = accountInputSchema.partial().extend({
  gate: gatePolicySchema.optional(),
  watchWords: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  targetMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .optional(),
  notifications: z.boolean().optional(),
  hibernate: z.boolean().optional(),
  unreadAlerts: z.boolean().optional(),
});
export type AccountPatch = z.input<typeof accountPatchSchema>;

/** The gate policy a new account starts with: off for PERSONAL, confirm for BRAND (reposts and DMs held too). */
export function defaultGatePolicy(kind: AccountKind): GatePolicy {
  const all = Object.fromEntries(POST_ACTIONS.map((action) => [action, true])) as ActionSwitches;
  return { mode: kind === 'brand' ? 'confirm' : 'off', delaySeconds: 10, actions: all };
}
