// The file dialogs and PDF printing the services need, as a port (Electron dialogs in the app, fixed paths in tests).

export interface FilePort {
  /** Asks where to save; null when the user cancels. */
  saveAs(defaultName: string, extensions: string[]): Promise<string | null>;
  /** Asks for a file to open; null when the user cancels. */
  openFile(extensions: string[]): Promise<string | null>;
  /** Renders a self-contained HTML page to PDF (Electron's printToPDF; page.pdf() in tests). */
  htmlToPdf(html: string): Promise<Uint8Array>;
}

/**
 * An append-only file as the log writes it. Like a disk, it promises nothing until `sync` resolves: bytes appended
 * but not synced may be lost by a power cut (tests use a port that does exactly that).
 */
export interface AppendOnlyFile {
  append(text: string): Promise<void>;
  /** Resolves once every byte appended so far is on stable storage (fsync). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Opens (creating, mode 0600) a file for appending. */
export type OpenAppendOnly = (filePath: string) => Promise<AppendOnlyFile>;
