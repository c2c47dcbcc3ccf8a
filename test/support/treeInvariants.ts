// Structural checks on a parsed file, shared by the parser's property tests and anyone else's.
import { forEachChild, type HclFile, type Node } from '../../server/src/parser';

/**
 * Every node lies inside the document, has start <= end, children lie inside their parent and follow
 * each other in source order. Returns the problems found (empty when the tree is sound).
 */
export function treeProblems(file: HclFile): string[] {
  const problems: string[] = [];
  const len = file.text.length;
  const stack: Node[] = [file.body];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    visited++;
    if (!(node.start >= 0 && node.start <= node.end && node.end <= len)) problems.push(`${node.kind} [${node.start}, ${node.end}) outside [0, ${len}]`);
    let prevEnd = node.start;
    forEachChild(node, (child) => {
      if (child.start < node.start || child.end > node.end) problems.push(`${child.kind} [${child.start}, ${child.end}) escapes ${node.kind} [${node.start}, ${node.end})`);
      if (child.start < prevEnd) problems.push(`${child.kind} at ${child.start} starts before its previous sibling ends (${prevEnd}) in ${node.kind}`);
      prevEnd = Math.max(prevEnd, child.end);
      stack.push(child);
    });
    if (problems.length > 20) break;
  }
  for (const d of file.diagnostics) {
    if (!(d.start >= 0 && d.start <= d.end && d.end <= len)) problems.push(`diagnostic "${d.message}" [${d.start}, ${d.end}) outside the document`);
  }
  for (let i = 1; i < file.diagnostics.length; i++) {
    if (file.diagnostics[i].start < file.diagnostics[i - 1].start) problems.push('diagnostics are not sorted');
  }
  void visited;
  return problems;
}

/** A stable JSON rendering of everything a parse result exposes (tree, diagnostics, comments). */
export function serializeFile(file: HclFile): string {
  return JSON.stringify({ body: file.body, diagnostics: file.diagnostics, comments: file.comments, lines: file.lines.lineCount }, (_key, value) =>
    value === undefined ? null : value,
  );
}
