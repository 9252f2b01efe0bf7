// The file dialogs and PDF printing the services need, as a port (Electron dialogs in the app, fixed paths in tests).

export interface FilePort {
  /** Asks where to save; null when the user cancels. */
  saveAs(defaultName: string, extensions: string[]): Promise<string | null>;
  /** Asks for a file to open; null when the user cancels. */
  openFile(extensions: string[]): Promise<string | null>;
  /** Renders a self-contained HTML page to PDF (Electron's printToPDF; page.pdf() in tests). */
  htmlToPdf(html: string): Promise<Uint8Array>;
}
