// Each account's unread count and signed-out state, kept fresh through the 'presence:changed' event.
import type { PresenceMap } from '../../shared/ipc/contract.ts';
import { api } from './api.ts';
import { useMainValue } from './use-main-value.ts';

const NONE: PresenceMap = {};
const readPresence = () => api().invoke('presence:state');

export function usePresence(): PresenceMap {
  return useMainValue('presence:changed', readPresence, NONE);
}
