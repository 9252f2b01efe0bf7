// Each account's unread count and signed-out state, kept fresh through the 'presence:changed' event.
import { useEffect, useState } from 'react';
import type { PresenceMap } from '../../shared/ipc/contract.ts';
import { api } from './api.ts';

export function usePresence(): PresenceMap {
  const [presence, setPresence] = useState<PresenceMap>({});
  useEffect(() => {
    const unsubscribe = api().on('presence:changed', setPresence);
    void api().invoke('presence:state').then(setPresence);
    return unsubscribe;
  }, []);
  return presence;
}
