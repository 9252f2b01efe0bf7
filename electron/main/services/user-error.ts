// The error a service throws for something the user can fix: its message is an i18n key the renderer shows as is.

/** An error whose message is an i18n key the renderer can show as is (the IPC dispatcher and any service throw it). */
export class UserError extends Error {
  constructor(messageKey: string) {
    super(messageKey);
    this.name = 'UserError';
  }
}
