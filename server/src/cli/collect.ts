// Turns CLI path arguments into the .tf files to check. A file's module is its folder.
//
// Folders are searched recursively (our convenience; Terraform itself reads one folder). What is found and
// what is not:
// - a `.tf` entry that is a symbolic link to a regular file is checked, wherever the link points: Terraform
//   reads it as a module file the same way;
// - links to folders are not followed. A link inside the tree names a folder that is checked under its own
//   path anyway, one that leaves the tree is not part of what was asked for, and not following them means a
//   link loop cannot make the walk endless. Give such a folder as an argument to check it;
// - a `.tf` entry that is a FIFO, socket or device is never opened: it is reported, as is a folder or link
//   that cannot be read. Everything readable is still checked, and the problems make the exit code 2.
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeError, kindOf } from '../model';
import { displayPath } from './output';

export class UsageError extends Error {}

export interface Collected {
  /** Absolute paths of the files to read, sorted. */
  files: string[];
  /** One line each: what could not be searched or will not be opened, and why. */
  problems: string[];
}

/** Folders are searched recursively for .tf files, skipping `.terraform/`, hidden folders and node_modules. */
export function collectTerraformFiles(paths: readonly string[]): Collected {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let stat;
    try {
      stat = statSync(full);
    } catch (e) {
      // A dangling link given by name is a file that cannot be read, not a typo.
      if (isLink(full)) {
        problems.push(`cannot read ${p}: ${describeError(e)}`);
        continue;
      }
      throw new UsageError(`cannot read ${p}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(full, files, problems);
    // Named explicitly, any regular file is checked whatever its name; anything else is never opened.
    else if (stat.isFile()) files.add(full);
    else problems.push(`skipped ${p}: not a regular file: ${kindOf(stat)}; it was not opened`);
  }
  return { files: [...files].sort(), problems };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function walk(dir: string, out: Set<string>, problems: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push(`cannot read folder ${displayPath(dir)}: ${describeError(e)}; the .tf files in it were not checked`);
    return;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      walk(path, out, problems);
      continue;
    }
    if (!e.name.endsWith('.tf')) continue;
    if (e.isFile()) {
      out.add(path);
      continue;
    }
    // A link or a special file: look at what it ends at without opening it.
    let target;
    try {
      target = statSync(path);
    } catch (err) {
      problems.push(`cannot read ${displayPath(path)}: ${describeError(err)}`);
      continue;
    }
    if (target.isFile()) out.add(path);
    else if (!target.isDirectory()) problems.push(`skipped ${displayPath(path)}: not a regular file: ${kindOf(target)}; it was not opened`);
    // A folder named x.tf (or a link to one) is no module file: Terraform skips it too.
  }
}
