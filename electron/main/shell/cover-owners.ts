// Who needs the space over the account view (plain, no 'electron'): a set of owners, never one boolean.

/**
 * The account view is hidden while ANY owner covers it: the gate dialog, each modal, the dashboard,
 * settings. With one boolean, closing a modal over the dashboard (or the gate queue emptying) put the
 * account page back on top of the dashboard.
 */
export class CoverOwners {
  /** Owners the renderer sets arrive as 'ui:<its id>' (the IPC handler adds the prefix), so it can never clear main's 'gate'. */
  static readonly RENDERER_PREFIX = 'ui:';

  private readonly owners = new Set<string>();

  /** Returns true when the covered state changed. */
  set(owner: string, covering: boolean): boolean {
    const before = this.covered;
    if (covering) this.owners.add(owner);
    else this.owners.delete(owner);
    return before !== this.covered;
  }

  /** The app UI reloaded or crashed: its modals and dashboard are gone, main's owners stay. */
  clearRenderer(): boolean {
    const before = this.covered;
    for (const owner of [...this.owners]) if (owner.startsWith(CoverOwners.RENDERER_PREFIX)) this.owners.delete(owner);
    return before !== this.covered;
  }

  get covered(): boolean {
    return this.owners.size > 0;
  }

  list(): string[] {
    return [...this.owners].sort();
  }
}
