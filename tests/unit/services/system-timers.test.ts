// The real timers the gate and the shutdown sequence run on: a timer fires, a cleared one never does.
import { describe, expect, it } from 'vitest';
import { systemTimers } from '../../../electron/main/services/system-timers.ts';

describe('systemTimers', () => {
  it('fires a timer and never one that was cleared', async () => {
    const fired: string[] = [];
    const cleared = systemTimers.setTimeout(() => fired.push('cleared'), 0);
    systemTimers.clearTimeout(cleared);
    // Timers of equal delay fire in the order they were set: by the time this one fires, the cleared one would have.
    await new Promise<void>((resolve) => systemTimers.setTimeout(resolve, 0));
    systemTimers.setTimeout(() => fired.push('kept'), 0);
    await new Promise<void>((resolve) => systemTimers.setTimeout(resolve, 0));
    expect(fired).toEqual(['kept']);
  });
});
