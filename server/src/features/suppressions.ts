// Inline suppression comments:
//   # awscc-cognito-ignore CUP203           on its own line: silences CUP203 on the next line
//   x = 1  # awscc-cognito-ignore CUP203    at the end of a line: silences CUP203 on that line
//   // awscc-cognito-ignore CUP203, CUP204  several codes, separated by commas or spaces
//   # awscc-cognito-ignore                  no code: silences every rule on that line
// A diagnostic is silenced when the line its range starts on is covered. `/* ... */` comments work too.
import type { HclFile } from '../parser';

export const SUPPRESSION_MARKER = 'awscc-cognito-ignore';

/** Line number → silenced codes ('*' = all). Empty when the file has no suppression comment. */
export function suppressedLines(file: HclFile): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  // Runs on every keystroke over every comment of the file (~10,000 in a 10,000-block module): indexed, since
  // unoptimised `for … of` makes an object per step, and comments too short for the marker are not sliced.
  const comments = file.comments;
  for (let i = 0; i < comments.length; i++) {
    const comment = comments[i];
    if (comment.end - comment.start < SUPPRESSION_MARKER.length) continue;
    const text = file.slice(comment.start, comment.end);
    const at = text.indexOf(SUPPRESSION_MARKER);
    if (at < 0) continue;
    const rest = text.slice(at + SUPPRESSION_MARKER.length).replace(/\*\/\s*$/, '');
    // The codes follow the marker; anything after them (an explanation) is free text.
    const codes = /^\s*((?:CUP\d{3}[\s,]*)*)/i.exec(rest)?.[1].match(/CUP\d{3}/gi)?.map((c) => c.toUpperCase()) ?? [];
    const line = file.lines.positionAt(comment.start).line;
    const lineStart = file.lines.offsetAt({ line, character: 0 });
    const alone = file.slice(lineStart, comment.start).trim() === '';
    const target = alone ? line + 1 : line;
    let set = out.get(target);
    if (!set) out.set(target, (set = new Set()));
    if (codes.length === 0) set.add('*');
    for (const c of codes) set.add(c);
  }
  return out;
}

export function isSuppressed(lines: Map<number, Set<string>>, line: number, code: string): boolean {
  const set = lines.get(line);
  return !!set && (set.has('*') || set.has(code));
}
