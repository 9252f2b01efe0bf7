// What happens when the app UI crashes or reloads (plain, no 'electron'): reload it, keep what can be kept honestly.

export interface UiRecoverySteps {
  /** Reloads the app UI's page. */
  reload(): void;
  /** Cancels every held post (fail closed). */
  cancelAllHeld(reason: string): void;
  /** Cancels the held posts on a countdown ('delay'): they would go out while nobody can see Undo. */
  cancelCountdowns(reason: string): void;
  /** The UI's own covers (modals, dashboard) vanished with it. */
  uiReset(): void;
}

/**
 * A crash of the app UI reloads it. Posts waiting for a confirmation stay held: their timeout still runs
 * from when they were held, so the reloaded dialog shows the true time left (it asks main for the queue
 * on load). Countdown posts are cancelled, since they would publish while no Undo button is on screen.
 * A second crash before the reload finished, or a failed reload, cancels everything. Any other
 * navigation of the UI's main frame (a reload nobody asked for) cancels everything, as before.
 */
export class UiRecovery {
  private recovering = false;

  constructor(private readonly steps: UiRecoverySteps) {}

  crashed(reason: string): void {
    this.steps.uiReset();
    if (this.recovering) {
      this.steps.cancelAllHeld(`app UI crashed again while reloading: ${reason}`);
    } else {
      this.steps.cancelCountdowns(`app UI crashed: ${reason}`);
    }
    this.recovering = true;
    this.steps.reload();
  }

  navigationStarted(isMainFrame: boolean, isSameDocument: boolean): void {
    if (!isMainFrame || isSameDocument) return;
    this.steps.uiReset();
    if (!this.recovering) this.steps.cancelAllHeld('renderer reloaded');
  }

  loaded(): void {
    this.recovering = false;
  }

  loadFailed(reason: string): void {
    if (!this.recovering) return;
    this.recovering = false;
    this.steps.cancelAllHeld(`app UI could not reload: ${reason}`);
  }
}
