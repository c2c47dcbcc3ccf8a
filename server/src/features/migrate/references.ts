// References to converted aws clients anywhere in the module: `aws_cognito_user_pool_client.X.id` →
// `awscc_cognito_user_pool_client.X.client_id`, other attributes by the knowledge table, and
// `X.token_validity_units[0].y` → `X.token_validity_units.y` (a block list became an object). Outputs that
// expose `client_secret` get `sensitive = true`: the aws provider marked it sensitive, awscc does not.
import { AWS_CLIENT_TYPE, RESOURCE_TYPE, awsClientArguments, awsClientComputedAttributes, awsccAttributeFor } from '../../knowledge';
import type { ModuleDocument } from '../../model';
import type { Block, Node, Traversal } from '../../parser';
import { forEachChild } from '../../parser';
import { insertIntoBlock } from '../rules/support';
import type { FixEdit } from '../rules/types';
import { isZeroIndex } from './convert';

/** Top-level blocks whose addresses name the aws resource on purpose (moves, removals, imports, the converted blocks). */
const SKIP = new Set(['moved', 'removed', 'import', 'terraform']);
const BLOCK_ATTRIBUTES = new Set(awsClientArguments.filter((a) => a.kind === 'block').map((a) => a.aws));
const SENSITIVE = new Set(awsClientComputedAttributes.filter((a) => a.sensitive).map((a) => a.aws));

export function referenceEdits(doc: ModuleDocument, names: ReadonlySet<string>, skip: readonly Block[], notes: string[]): FixEdit[] {
  const edits: FixEdit[] = [];
  const file = doc.file;
  for (const item of file.body.items) {
    if (item.kind !== 'Block' || SKIP.has(item.type.name) || skip.includes(item)) continue;
    if (!file.slice(item.start, item.end).includes(AWS_CLIENT_TYPE)) continue;
    let secret = false;
    const visit = (node: Node) => {
      if (node.kind === 'Traversal' && rewrite(node, names, edits, notes)) {
        if (item.type.name === 'output' && exposesSecret(node)) secret = true;
      }
      // `{ for k, c in aws_cognito_user_pool_client.x : k => c.id }`: `c` is an instance of the client.
      if (node.kind === 'For' && isWholeClient(node.collection, names)) {
        const loop = node.valueVar.name;
        const inner = (n: Node) => {
          if (n.kind === 'Traversal' && n.source.kind === 'Variable' && n.source.name === loop && renameAttribute(n, 0, edits, notes)) {
            if (item.type.name === 'output' && exposesSecret(n)) secret = true;
          }
          forEachChild(n, inner);
        };
        for (const part of [node.keyExpr, node.valueExpr, node.condition]) if (part) inner(part);
      }
      forEachChild(node, visit);
    };
    visit(item.body);
    if (secret) sensitiveEdit(doc, item, edits);
  }
  return edits.map((e) => ({ ...e, uri: doc.uri }));
}

function rewrite(t: Traversal, names: ReadonlySet<string>, edits: FixEdit[], notes: string[]): boolean {
  if (t.source.kind !== 'Variable' || t.source.name !== AWS_CLIENT_TYPE) return false;
  const nameStep = t.steps[0];
  if (nameStep?.kind !== 'GetAttr' || !names.has(nameStep.name)) return false;
  edits.push({ start: t.source.start, end: t.source.end, newText: RESOURCE_TYPE });
  let i = 1;
  if (t.steps[i]?.kind === 'Index' || t.steps[i]?.kind === 'LegacyIndex' || t.steps[i]?.kind === 'SplatStep') i++;
  renameAttribute(t, i, edits, notes);
  return true;
}

/** Renames the attribute at step `i` of a reference to a client (instance); false when there is none. */
function renameAttribute(t: Traversal, i: number, edits: FixEdit[], notes: string[]): boolean {
  const attr = t.steps[i];
  if (attr?.kind !== 'GetAttr' || !attr.name) return false;
  const mapped = awsccAttributeFor(attr.name);
  if (mapped === undefined) {
    notes.push(`A reference to \`${attr.name}\` of a converted client has no awscc counterpart and was left as written.`);
    return true;
  }
  if (mapped !== attr.name) edits.push({ start: attr.nameStart, end: attr.end, newText: mapped });
  if (BLOCK_ATTRIBUTES.has(attr.name) && isZeroIndex(t.steps[i + 1])) edits.push({ start: t.steps[i + 1].start, end: t.steps[i + 1].end, newText: '' });
  return true;
}

function isWholeClient(expr: Node, names: ReadonlySet<string>): boolean {
  if (expr.kind !== 'Traversal' || expr.source.kind !== 'Variable' || expr.source.name !== AWS_CLIENT_TYPE) return false;
  const nameStep = expr.steps[0];
  return expr.steps.length === 1 && nameStep.kind === 'GetAttr' && names.has(nameStep.name);
}

function exposesSecret(t: Traversal): boolean {
  return t.steps.some((s) => s.kind === 'GetAttr' && SENSITIVE.has(s.name));
}

function sensitiveEdit(doc: ModuleDocument, output: Block, edits: FixEdit[]): void {
  const existing = output.body.items.find((i) => i.kind === 'Attribute' && i.name.name === 'sensitive');
  if (existing?.kind === 'Attribute') {
    if (existing.value.kind === 'Literal' && existing.value.value === true) return;
    edits.push({ start: existing.value.start, end: existing.value.end, newText: 'true' });
    return;
  }
  const edit = insertIntoBlock(doc.file, output, 'sensitive = true');
  if (edit) edits.push(edit);
}
