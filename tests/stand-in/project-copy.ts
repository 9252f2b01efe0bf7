// A fresh copy of the project as a new user has it after `npm install`: sources, and an Electron package with no binary yet.
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Top-level folders a clone never has (built output, installs, scratch). */
const NOT_IN_A_CLONE = new Set(['node_modules', 'out', 'dist', '.tmp', '.git', 'coverage', 'test-results']);

/**
 * Copies `root` to `dest` without build output, and gives it a node_modules in which every package but
 * `electron` is a symlink into the repo's own (installing again would need minutes and the registry, and
 * those packages are what `npm install` puts there anyway). `electron` is a real copy of the npm package
 * WITHOUT `dist/` and `path.txt`: exactly what `npm install electron` leaves before Electron's lazy
 * download, and its install script writes into the copy, never into the repo's node_modules.
 */
export function copyProject(root: string, dest: string): void {
  cpSync(root, dest, {
    recursive: true,
    filter: (source) => {
      const path = relative(root, source);
      return path === '' || !NOT_IN_A_CLONE.has(path.split(sep)[0] ?? '');
    },
  });
  const modules = join(dest, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === 'electron') continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  const electron = join(root, 'node_modules', 'electron');
  cpSync(electron, join(modules, 'electron'), {
    recursive: true,
    filter: (source) => {
      const path = relative(electron, source);
      return path !== 'dist' && !path.startsWith(`dist${sep}`) && path !== 'path.txt';
    },
  });
}
