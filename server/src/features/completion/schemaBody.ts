// Inside `resource "awscc_cognito_user_pool_client"` and `data "awscc_cognito_user_pool_client"` bodies:
// attribute names (required first, never read-only ones) and meta-arguments, keys of the nested objects,
// and values (enums, booleans, user pool references, the data source's `<user_pool_id>|<client_id>` id).
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Block } from '../../parser';
import {
  describeAttribute,
  findAttribute,
  metaArguments,
  settableAttributes,
  typeLabel,
  type AttributeSpec,
  type SchemaSpec,
} from '../../knowledge';
import { entriesOfBody, entriesOfObject, slotAt, type Slot, type ValueSlot } from '../caretContext';
import { importIdItems } from './importId';
import { assignmentSnippet, indentLines, Kind, lineIndent, markdown, snippetItem, sortKey, type CompletionRequest } from './items';
import { poolIdItems } from './poolIds';
import { valueItems } from './values';
import { withModuleNames } from './poolNames';

export function completeSchemaBlock(req: CompletionRequest, block: Block, schema: SchemaSpec): CompletionItem[] {
  const slot = slotAt(req.text, entriesOfBody(block.body), req.offset, '{');
  if (!slot) return [];
  if (slot.kind === 'name') return attributeNameItems(req, schema, slot);
  const entry = slot.entry;
  if (entry.node.kind !== 'Attribute' || !entry.name) return [];
  const spec = findAttribute([entry.name], schema);
  return spec ? attributeValueItems(req, schema, [spec.name], spec, slot.value) : [];
}

/** Names typed on a name slot are suggested only when the user asked or typed a letter, not on `"`, `=`, ` `... */
export function nameSlotWanted(req: CompletionRequest, openers: string): boolean {
  const trigger = req.options.triggerCharacter;
  return trigger === undefined || openers.includes(trigger);
}

function attributeNameItems(req: CompletionRequest, schema: SchemaSpec, slot: Slot & { kind: 'name' }): CompletionItem[] {
  // terraform-ls offers attribute names and meta-arguments itself (with bare types).
  if (req.options.yieldPlainItems || !nameSlotWanted(req, '')) return [];
  const present = new Set(slot.entries.filter((e) => e !== slot.current).map((e) => e.name));
  // When the name under the caret already has `= value` (or is a block), only the name is replaced.
  const nameOnly = slot.current !== undefined && (slot.current.separator >= 0 || slot.current.node.kind === 'Block');
  const indent = lineIndent(req.text, req.offset);
  const items: CompletionItem[] = [];
  for (const spec of settableAttributes(schema.attributes)) {
    if (present.has(spec.name)) continue;
    const shaped = assignmentSnippet(spec, indent);
    items.push(
      snippetItem(req, slot.replace, {
        label: spec.name,
        kind: Kind.Property,
        detail: `${typeLabel(spec.type)}, ${spec.mode}`,
        documentation: markdown(describeAttribute(spec, { docUrl: schema.docUrl })),
        sortText: sortKey(spec.mode === 'required' ? 0 : 1, spec.name),
        filterText: spec.name,
        snippet: nameOnly ? spec.name : shaped.snippet,
        command: nameOnly ? undefined : shaped.command,
      }),
    );
  }
  const repeats = present.has('count') || present.has('for_each'); // the two exclude each other
  for (const meta of metaArguments) {
    if (present.has(meta.name) || (repeats && (meta.name === 'count' || meta.name === 'for_each'))) continue;
    items.push(
      snippetItem(req, slot.replace, {
        label: meta.name,
        kind: Kind.Keyword,
        detail: meta.block ? 'meta-argument block' : 'meta-argument',
        documentation: markdown(meta.summary),
        sortText: sortKey(2, meta.name),
        filterText: meta.name,
        snippet: nameOnly ? meta.name : indentLines(meta.snippet, indent),
      }),
    );
  }
  return items;
}

function attributeValueItems(
  req: CompletionRequest,
  schema: SchemaSpec,
  path: readonly string[],
  spec: AttributeSpec,
  slot: ValueSlot,
): CompletionItem[] {
  if (schema.kind === 'resource' && path.length === 1 && spec.name === 'user_pool_id') return poolIdItems(req, slot);
  if (schema.kind === 'data' && path.length === 1 && spec.name === 'id') return importIdItems(req, slot, undefined);
  if (spec.type === 'object' && slot.kind === 'object') {
    const nested = slotAt(req.text, entriesOfObject(slot.object), req.offset, '{,');
    if (!nested) return [];
    if (nested.kind === 'name') return nestedKeyItems(req, schema, path, spec, nested);
    const child = spec.attributes?.find((a) => a.name === nested.entry.name);
    return child ? attributeValueItems(req, schema, [...path, child.name], child, nested.value) : [];
  }
  return valueItems(req, withModuleNames(req, spec, path), path.join('.'), slot);
}

function nestedKeyItems(
  req: CompletionRequest,
  schema: SchemaSpec,
  path: readonly string[],
  spec: AttributeSpec,
  slot: Slot & { kind: 'name' },
): CompletionItem[] {
  // terraform-ls completes the keys of nested attributes from the provider schema too.
  if (req.options.yieldPlainItems || !nameSlotWanted(req, '{,')) return [];
  const present = new Set(slot.entries.filter((e) => e !== slot.current).map((e) => e.name));
  const nameOnly = slot.current !== undefined && slot.current.separator >= 0;
  const indent = lineIndent(req.text, req.offset);
  return (spec.attributes ?? [])
    .filter((a) => a.mode !== 'computed' && !present.has(a.name))
    .map((child) => {
      const dotted = [...path, child.name].join('.');
      const shaped = assignmentSnippet(child, indent);
      return snippetItem(req, slot.replace, {
        label: child.name,
        kind: Kind.Field,
        detail: `${typeLabel(child.type)}, ${child.mode}`,
        documentation: markdown(describeAttribute(child, { path: dotted, docUrl: schema.docUrl })),
        sortText: sortKey(child.mode === 'required' ? 0 : 1, child.name),
        filterText: child.name,
        snippet: nameOnly ? child.name : shaped.snippet,
        command: nameOnly ? undefined : shaped.command,
      });
    });
}
