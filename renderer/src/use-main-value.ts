// A value main owns, read once and kept fresh by its event: app state, held posts, presence, stopped views.
import { useEffect, useState } from 'react';
import type { EventChannel, EventPayloads } from '../../shared/ipc/contract.ts';
import { api } from './api.ts';
import { useReportError } from './ipc-errors.tsx';

/**
 * Subscribes to `event`, then reads the current value with `read` (a module-level function, so it is stable);
 * a failed read is shown, the value stays `initial`, and later events still arrive.
 */
export function useMainValue<E extends EventChannel, T extends EventPayloads[E] | null>(
  event: E,
  read: () => Promise<EventPayloads[E]>,
  initial: T,
): EventPayloads[E] | T {
  const [value, setValue] = useState<EventPayloads[E] | T>(initial);
  const report = useReportError();
  useEffect(() => {
    const unsubscribe = api().on(event, setValue);
    read().then(setValue).catch(report);
    return unsubscribe;
  }, [event, read, report]);
  return value;
}
