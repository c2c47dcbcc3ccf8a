// `dynamic "x" { for_each = C  content { ... } }` rewritten as the single-object attribute
// `x = one([for v in C : { ... }])`. Used by CUP108's quick fix and by the hashicorp/aws conversion.
//
// Why this is the same value: a dynamic block makes one block per element of C, in C's iteration order
// (list order, map keys in lexical order, set elements in order), evaluating `content` with the iterator
// bound to `{ key, value }`. A `for` expression iterates C in the same order, so `[for k, v in C : {...}]`
// is the list of the blocks' bodies, with `it.key` read as `k` and `it.value` as `v`. For an attribute that
// holds at most one object (the aws provider's MaxItems = 1 blocks), zero blocks is "not set" and one block
// is that object: `one()` gives null for an empty list and the element for one, and fails for two or more,
// where the aws provider failed too ("too many blocks"). Sets: `for k, v` over a set binds k to the element,
// as a dynamic block's `it.key` does.
import type { Block, Expression, HclFile, Node, Span } from '../parser';
import { forEachChild } from '../parser';

export interface DynamicParts {
  /** The label: the block type it generates. */
  name: string;
  forEach: Expression;
  /** `iterator = x`, or the label. */
  iterator: string;
  content: Block;
}

/** The parts of a dynamic block when it has the shape we can rewrite (for_each, content, no labels, no nested blocks). */
export function dynamicParts(block: Block): DynamicParts | undefined {
  if (block.type.name !== 'dynamic' || block.labels.length !== 1 || block.closeBrace < 0) return undefined;
  let forEach: Expression | undefined;
  let iterator = block.labels[0].value;
  let content: Block | undefined;
  for (const item of block.body.items) {
    if (item.kind === 'Attribute') {
      if (item.equals < 0 || item.value.kind === 'Invalid') return undefined;
      if (item.name.name === 'for_each') forEach = item.value;
      else if (item.name.name === 'iterator' && item.value.kind === 'Variable') iterator = item.value.name;
      // `labels` (blocks with labels) or anything else: not an attribute's shape.
      else return undefined;
    } else if (item.type.name === 'content' && !content && item.labels.length === 0 && item.closeBrace >= 0) content = item;
    else return undefined;
  }
  if (!forEach || !content || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(iterator)) return undefined;
  if (content.body.items.some((i) => i.kind === 'Block')) return undefined;
  return { name: block.labels[0].value, forEach, iterator, content };
}

export interface DynamicRewrite {
  /** `name = one([for ... : { ... }])`, lines after the first indented for `indent`. */
  text: string;
  /** Comments of the dynamic block that sat outside `content` (they go on lines above the attribute). */
  comments: string[];
}

/**
 * The attribute text replacing `block` (a dynamic block), written at `indent`, with `attributeName` as its
 * name (the awscc spelling) and object keys renamed by `keys` (identity when absent). Undefined when the
 * block has a shape we cannot rewrite without changing its meaning.
 */
export function dynamicAsAttribute(file: HclFile, block: Block, attributeName: string, indent: string, keys: Readonly<Record<string, string>> = {}): DynamicRewrite | undefined {
  const parts = dynamicParts(block);
  if (!parts) return undefined;
  const { iterator, content } = parts;
  const edits: { start: number; end: number; text: string }[] = [];
  let usesKey = false;
  let shadowed = false;
  const keyVar = `${iterator}_key`;
  const visit = (node: Node) => {
    // A nested `for` that binds the iterator's name would make the rewrite ambiguous: leave the block alone.
    if (node.kind === 'For' && (node.valueVar.name === iterator || node.keyVar?.name === iterator || node.valueVar.name === keyVar || node.keyVar?.name === keyVar)) shadowed = true;
    if (node.kind === 'Traversal' && node.source.kind === 'Variable' && node.source.name === iterator) {
      const step = node.steps[0];
      if (step?.kind === 'GetAttr' && (step.name === 'value' || step.name === 'key')) {
        if (step.name === 'key') usesKey = true;
        edits.push({ start: node.source.start, end: step.end, text: step.name === 'key' ? keyVar : iterator });
      } else shadowed = true;
    }
    if (node.kind === 'Variable' && node.name === iterator) shadowed = true;
    if (node.kind === 'Traversal') {
      // The source was handled above; the steps may hold index expressions.
      for (const step of node.steps) forEachChild(step, visit);
      return;
    }
    forEachChild(node, visit);
  };
  for (const item of content.body.items) {
    if (item.kind !== 'Attribute') return undefined;
    visit(item.value);
    const renamed = keys[item.name.name];
    if (renamed && renamed !== item.name.name) edits.push({ start: item.name.start, end: item.name.end, text: renamed });
  }
  if (shadowed) return undefined;
  edits.sort((a, b) => a.start - b.start);

  const bodyStart = content.openBrace + 1;
  const bodyEnd = content.closeBrace;
  let body = '';
  let pos = bodyStart;
  for (const e of edits) {
    body += file.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  body += file.slice(pos, bodyEnd);
  const multiLine = /[\r\n]/.test(body);
  const object = multiLine ? `{${reindent(body, file, content, indent)}}` : `{${body}}`;
  const vars = usesKey ? `${keyVar}, ${iterator}` : iterator;
  const forEachText = file.slice(parts.forEach.start, parts.forEach.end);
  const text = `${attributeName} = one([for ${vars} in ${forEachText} : ${object}])`;
  return { text, comments: outsideComments(file, block, [parts.forEach, content]) };
}

/** Moves the content body's lines to one level below `indent`; heredoc bodies keep their bytes. */
function reindent(body: string, file: HclFile, content: Block, indent: string): string {
  if (body.includes('<<')) return body;
  const lines = body.split(/(\r?\n)/);
  const itemIndent = content.body.items[0] ? indentOfLine(file, content.body.items[0].start) : undefined;
  const want = indent + '  ';
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i % 2 === 1 || i === 0) {
      out.push(line);
      continue;
    }
    const last = i === lines.length - 1;
    if (last) {
      out.push(indent);
      continue;
    }
    if (line.trim() === '') {
      out.push('');
      continue;
    }
    if (itemIndent !== undefined && line.startsWith(itemIndent)) out.push(want + line.slice(itemIndent.length));
    else out.push(want + line.trimStart());
  }
  return out.join('');
}

function indentOfLine(file: HclFile, offset: number): string {
  const line = file.lines.positionAt(offset).line;
  const start = file.lines.offsetAt({ line, character: 0 });
  return /^[ \t]*/.exec(file.slice(start, offset))?.[0] ?? '';
}

function outsideComments(file: HclFile, block: Block, keep: Span[]): string[] {
  const out: string[] = [];
  for (const c of file.comments) {
    if (c.start < block.start || c.end > block.end) continue;
    if (keep.some((k) => c.start >= k.start && c.end <= k.end)) continue;
    // content's own comments are inside its braces
    out.push(file.slice(c.start, c.end).replace(/\r?\n$/, ''));
  }
  return out;
}
