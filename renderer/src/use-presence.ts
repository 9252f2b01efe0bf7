// Each account's unread count and signed-out state, kept fresh through the 'presence:changed' event.
import { useEffect, useState } from 'react';
import type { PresenceMap } from '../../shared/ipc/contract.ts';
import { api } from './api.ts';
import { useReportError } from './ipc-errors.tsx';

export function usePresence(): PresenceMap {
  const [presence, setPresence] = useState<PresenceMap>({});
  const report = useReportError();
  useEffect(() => {
    const unsubscribe = api().on('presence:changed', setPresence);
    api().invoke('presence:state').then(setPresence).catch(report);
    return unsubscribe;
  }, [report]);
  return presence;
}
