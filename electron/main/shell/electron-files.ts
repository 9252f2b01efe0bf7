// Electron's side of the FilePort: native save/open dialogs and printToPDF of a report in a hidden window.
import { BaseWindow, BrowserWindow, dialog } from 'electron';
import { mainStrings } from '../../../shared/i18n/main-strings.ts';
import type { FilePort } from '../services/file-port.ts';

export function electronFiles(parent: BaseWindow, locale: () => string): FilePort {
  return {
    async saveAs(defaultName, extensions) {
      const result = await dialog.showSaveDialog(parent, {
        title: mainStrings(locale()).saveExport,
        defaultPath: defaultName,
        filters: [{ name: extensions.join(', ').toUpperCase(), extensions }],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFile(extensions) {
      const result = await dialog.showOpenDialog(parent, {
        title: mainStrings(locale()).openImport,
        properties: ['openFile'],
        filters: [{ name: extensions.join(', ').toUpperCase(), extensions }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async htmlToPdf(html) {
      // The report is self-contained: no scripts needed, nothing fetched.
      const printer = new BrowserWindow({ show: false, webPreferences: { sandbox: true, javascript: false, contextIsolation: true } });
      try {
        await printer.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
        return await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      } finally {
        printer.destroy();
      }
    },
  };
}
