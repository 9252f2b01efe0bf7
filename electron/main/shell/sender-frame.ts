// The IPC sender frame as the dispatcher sees it (plain, no 'electron'): its URL, and whether it is the main frame.
import type { SenderFrame } from '../services/ipc-dispatch.ts';

/** The slice of WebFrameMain read here; `detached` is true once the frame is gone (electron.d.ts, WebFrameMain). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly detached?: boolean;
}

/**
 * A frame is the main frame when it has no parent. A missing, detached or unreadable frame is no
 * frame at all: the dispatcher refuses the call.
 */
export function senderFrameOf(frame: FrameLike | null | undefined): SenderFrame | null {
  try {
    if (!frame || frame.detached === true) return null;
    return { url: String(frame.url), isMainFrame: frame.parent === null };
  } catch {
    return null;
  }
}
