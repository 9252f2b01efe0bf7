// Turns Node's file-system error codes into sentences that name the file (the CLI never prints a bare ENOENT).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What went wrong with `path`, in words: "x.csv does not exist", "folder /a/b does not exist", ... `writing` says
 * whether the file was being created (then a missing folder, not the file, is the problem).
 */
export function describeFileError(path: string, error: unknown, writing = false): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      if (!writing) return `${path} does not exist`;
      // The folder may exist and still refuse new files (e.g. /proc): only blame it when it is really missing.
      return existsSync(dirname(path)) ? `cannot create ${path} in ${dirname(path)}` : `cannot write ${path}: the folder ${dirname(path)} does not exist`;
    case 'EISDIR':
      return `${path} is a folder, not a file`;
    case 'ENOTDIR':
      return `${path}: a part of this path is a file, not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: cannot ${writing ? 'write' : 'read'} ${path}`;
    case 'ENOSPC':
      return `cannot write ${path}: the disk is full`;
    case 'EROFS':
      return `cannot write ${path}: the disk is read-only`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `cannot ${writing ? 'write' : 'read'} ${path}: ${message}`;
    }
  }
}
