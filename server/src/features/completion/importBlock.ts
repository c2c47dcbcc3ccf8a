// Inside an `import` block: its arguments, the `to` addresses of this module's user pool clients that have
// no import block yet (from every file of the module), the keys of `identity = { ... }`, and the shape of
// the string `id`.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Block } from '../../parser';
import { importTarget } from '../../model';
import { RESOURCE_TYPE, describeIdentityAttribute, describeImportArgument, identitySchema, importBlockSchema } from '../../knowledge';
import { entriesOfBody, entriesOfObject, slotAt, type Slot, type ValueSlot } from '../caretContext';
import { importIdItems, targetPoolId } from './importId';
import { escapeSnippet, indentLines, Kind, lineIndent, markdown, narrow, snippetItem, sortKey, SUGGEST_AGAIN, textItem, type CompletionRequest } from './items';
import { moduleFacts } from './moduleFacts';
import { fileName } from './poolIds';
import { nameSlotWanted } from './schemaBody';

const ARGUMENT_SNIPPETS: Record<string, string> = {
  to: 'to = $1',
  id: 'id = $1',
  identity: 'identity = {\n  $0\n}',
  for_each: 'for_each = $1',
  provider: 'provider = $1',
};

export function completeImport(req: CompletionRequest, block: Block): CompletionItem[] {
  const slot = slotAt(req.text, entriesOfBody(block.body), req.offset, '{');
  if (!slot) return [];
  const target = importTarget(block);
  if (slot.kind === 'value' && slot.entry.name === 'to') return targetItems(req, block, slot.value);
  // Imports of other resource types are not ours to complete.
  if (target?.resourceType && target.resourceType !== RESOURCE_TYPE) return [];
  if (slot.kind === 'name') return argumentItems(req, slot);
  const poolId = targetPoolId(req.ctx.module, target?.resourceName);
  if (slot.entry.name === 'id') return importIdItems(req, slot.value, poolId);
  if (slot.entry.name === 'identity' && slot.value.kind === 'object') {
    const key = slotAt(req.text, entriesOfObject(slot.value.object), req.offset, '{,');
    return key?.kind === 'name' ? identityKeyItems(req, key, poolId) : [];
  }
  return [];
}

function argumentItems(req: CompletionRequest, slot: Slot & { kind: 'name' }): CompletionItem[] {
  // terraform-ls offers the import block's arguments itself.
  if (req.options.yieldPlainItems || !nameSlotWanted(req, '')) return [];
  const present = new Set(slot.entries.filter((e) => e !== slot.current).map((e) => e.name));
  const nameOnly = slot.current !== undefined && slot.current.separator >= 0;
  const indent = lineIndent(req.text, req.offset);
  return importBlockSchema.arguments
    .filter((arg) => !present.has(arg.name))
    // `id` and `identity` are alternatives: once one is written, the other is not offered.
    .filter((arg) => !(arg.name === 'id' && present.has('identity')) && !(arg.name === 'identity' && present.has('id')))
    .map((arg) =>
      snippetItem(req, slot.replace, {
        label: arg.name,
        kind: Kind.Property,
        detail: `import argument, ${arg.required ? 'required' : 'optional'}`,
        documentation: markdown(describeImportArgument(arg)),
        sortText: sortKey(arg.required ? 0 : 1, arg.name),
        filterText: arg.name,
        snippet: nameOnly ? arg.name : indentLines(ARGUMENT_SNIPPETS[arg.name], indent),
        command: nameOnly || arg.name === 'for_each' || arg.name === 'provider' ? undefined : SUGGEST_AGAIN,
      }),
    );
}

/** `to = `: declared clients of this module not yet targeted by another import block. */
function targetItems(req: CompletionRequest, block: Block, slot: ValueSlot): CompletionItem[] {
  if (slot.kind !== 'bare') return [];
  const expr = slot.expression;
  if (expr && expr.kind !== 'Variable' && expr.kind !== 'Traversal') return [];
  const facts = moduleFacts(req.ctx.module);
  // Every address starts with the type: once that is typed, match the rest against the names (same result, less work).
  const typePrefix = `${RESOURCE_TYPE}.`;
  const byName = req.text.startsWith(typePrefix, slot.replace.start) && req.offset >= slot.replace.start + typePrefix.length;
  const typed = byName ? { start: slot.replace.start + typePrefix.length, end: slot.replace.end } : slot.replace;
  const targets = narrow(req, facts.notImported(), byName ? 'name' : 'address', byName ? (c) => c.name : (c) => c.address, typed);
  // A client imported only by the block being edited is still a valid choice for that block.
  const ownName = importTarget(block)?.resourceName;
  const own = ownName && facts.importsByName().get(ownName)?.every((imp) => imp.block === block) ? facts.clientsByName().get(ownName) : undefined;
  const items: CompletionItem[] = [];
  for (const d of own ? [...targets, own] : targets) {
    const where = fileName(d.uri);
    const line = d.file && d.node ? ` (line ${d.file.lines.positionAt(d.node.start).line + 1})` : '';
    items.push(
      textItem(req, slot.replace, {
        label: d.address,
        kind: Kind.Reference,
        detail: `not imported yet · ${where}`,
        documentation: markdown(`Import an existing app client into \`${d.address}\`, declared in \`${where}\`${line}.`),
        sortText: d.name,
        filterText: d.address,
        text: d.address,
      }),
    );
  }
  return items;
}

function identityKeyItems(req: CompletionRequest, slot: Slot & { kind: 'name' }, poolId: string | undefined): CompletionItem[] {
  if (!nameSlotWanted(req, '{,')) return [];
  const present = new Set(slot.entries.filter((e) => e !== slot.current).map((e) => e.name));
  const nameOnly = slot.current !== undefined && slot.current.separator >= 0;
  return identitySchema.attributes
    .filter((attr) => !present.has(attr.name))
    .map((attr) => {
      const value = attr.name === 'user_pool_id' && poolId ? `"\${1:${escapeSnippet(poolId)}}"` : '"$1"';
      return snippetItem(req, slot.replace, {
        label: attr.name,
        kind: Kind.Field,
        detail: `identity attribute, ${attr.required ? 'required' : 'optional'}`,
        documentation: markdown(describeIdentityAttribute(attr)),
        sortText: sortKey(attr.required ? 0 : 1, String(identitySchema.attributes.indexOf(attr))),
        filterText: attr.name,
        snippet: nameOnly ? attr.name : `${attr.name} = ${value}`,
      });
    });
}
