// One `aws_cognito_user_pool_client` block → the awscc block, a `removed` block that forgets the aws object
// without destroying it, and the import(s) that adopt the same app client under awscc. Arguments are renamed
// by the knowledge table; blocks become object attributes, `dynamic` blocks `one([for ...])`; meta-arguments
// stay (a `provider = aws.x` becomes `awscc.x`); text between items (comments, blank lines) is kept.
import { AWS_CLIENT_TYPE, CLIENT_ID_PLACEHOLDER, POOL_ID_PLACEHOLDER, RESOURCE_TYPE, awsClientArguments, type AwsArgumentMapping } from '../../knowledge';
import type { TerraformModule } from '../../model';
import type { Attribute, Block, Expression, HclFile } from '../../parser';
import { quoteString } from '../../format';
import { dynamicAsAttribute } from '../dynamicBlocks';
import { evaluate } from '../evaluate';

export type MigrateStyle = 'id' | 'identity';

export interface ConvertOptions {
  style: MigrateStyle;
  /** App client IDs by awscc instance address (`awscc_cognito_user_pool_client.web`, `...web["a"]`). */
  clientIds?: Readonly<Record<string, string>>;
}

export interface InstanceInfo {
  /** awscc address of the instance the import targets. */
  address: string;
  /** The client's name when known statically (the live fill matches on it). */
  clientName?: string;
  /** The user pool ID when known statically. */
  userPoolId?: string;
  /** True when the client ID was filled in (no placeholder left for it). */
  filled: boolean;
}

export interface BlockConversion {
  name: string;
  /** The awscc block; unformatted, LF line breaks. */
  resource: string;
  /** The removed block and the imports. */
  moves: string;
  instances: InstanceInfo[];
  notes: string[];
  /** The import `id`/`identity` uses an expression (needs Terraform 1.6+ for `id`). */
  importExpression: boolean;
  /** An import block with `for_each` was written (Terraform 1.7+). */
  importForEach: boolean;
}

const META = new Set(['count', 'for_each', 'depends_on', 'provider']);
const byAws = new Map<string, AwsArgumentMapping>(awsClientArguments.map((a) => [a.aws, a]));

export function convertBlock(file: HclFile, block: Block, module: TerraformModule | undefined, options: ConvertOptions): BlockConversion {
  const name = block.labels[1]?.value ?? 'client';
  const notes: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const typeLabel = block.labels[0];
  edits.push({ start: typeLabel.start, end: typeLabel.end, text: `"${RESOURCE_TYPE}"` });
  const attr = (n: string) => block.body.items.find((i): i is Attribute => i.kind === 'Attribute' && i.name.name === n);

  for (const item of block.body.items) {
    if (item.kind === 'Attribute') {
      const n = item.name.name;
      if (META.has(n)) {
        if (n === 'provider') providerEdit(file, item, edits, notes);
        continue;
      }
      const m = byAws.get(n);
      if (!m) {
        notes.push(`${AWS_CLIENT_TYPE}.${name}: \`${n}\` is not an argument of the aws resource; it was kept as written.`);
        continue;
      }
      if (!m.awscc) {
        const text = file.slice(item.start, item.end).split(/\r?\n/).map((l) => `# ${l}`).join('\n');
        edits.push({ start: item.start, end: item.end, text: `# Not converted: ${m.note ?? 'awscc has no such argument.'}\n${text}` });
        notes.push(`${AWS_CLIENT_TYPE}.${name}: \`${n}\` has no awscc counterpart and was commented out. ${m.note ?? ''}`.trim());
        continue;
      }
      if (m.kind === 'block') {
        notes.push(`${AWS_CLIENT_TYPE}.${name}: \`${n}\` is a block in the aws provider; it was kept as written.`);
        continue;
      }
      if (m.awscc !== n) edits.push({ start: item.name.start, end: item.name.end, text: m.awscc });
      continue;
    }
    const type = item.type.name;
    if (type === 'lifecycle') {
      lifecycleEdits(item, edits);
      continue;
    }
    if (type === 'dynamic') {
      const m = byAws.get(item.labels[0]?.value ?? '');
      const rewrite = m?.awscc && m.kind === 'block' ? dynamicAsAttribute(file, item, m.awscc, '  ', m.keys) : undefined;
      if (!rewrite) {
        notes.push(`${AWS_CLIENT_TYPE}.${name}: a \`dynamic\` block could not be rewritten as an attribute; it was kept (CUP108 reports it).`);
        continue;
      }
      edits.push({ start: item.start, end: item.end, text: [...rewrite.comments, rewrite.text].join('\n  ') });
      continue;
    }
    const m = byAws.get(type);
    if (m?.awscc && m.kind === 'block' && item.labels.length === 0 && item.openBrace >= 0 && !item.body.items.some((i) => i.kind === 'Block')) {
      edits.push({ start: item.type.start, end: item.openBrace, text: `${m.awscc} = ` });
      for (const inner of item.body.items) {
        const key = inner.kind === 'Attribute' ? m.keys?.[inner.name.name] : undefined;
        if (inner.kind === 'Attribute' && key && key !== inner.name.name) edits.push({ start: inner.name.start, end: inner.name.end, text: key });
      }
      continue;
    }
    notes.push(`${AWS_CLIENT_TYPE}.${name}: the \`${type}\` block was kept as written; check it against the awscc resource.`);
  }

  edits.sort((a, b) => a.start - b.start);
  let body = '';
  let pos = block.start;
  for (const e of edits) {
    body += file.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  body += file.slice(pos, block.end);

  const imports = importBlocks(file, name, attr('user_pool_id'), attr('name'), attr('count'), attr('for_each'), module, options, notes);
  const removed = `removed {\n  from = ${AWS_CLIENT_TYPE}.${name}\n\n  lifecycle {\n    destroy = false\n  }\n}\n`;
  return { name, resource: body.replace(/\r\n/g, '\n'), moves: `${removed}\n${imports.text}`, instances: imports.instances, notes, importExpression: imports.expression, importForEach: imports.forEach };
}

/** `provider = aws.eu` → `awscc.eu` (the awscc provider needs its own configuration with that alias). */
function providerEdit(file: HclFile, item: Attribute, edits: { start: number; end: number; text: string }[], notes: string[]): void {
  const v = item.value;
  const root = v.kind === 'Variable' ? v : v.kind === 'Traversal' && v.source.kind === 'Variable' ? v.source : undefined;
  if (root?.name === 'aws') {
    edits.push({ start: root.start, end: root.end, text: 'awscc' });
    notes.push(`\`provider = ${file.slice(v.start, v.end)}\` became \`awscc${file.slice(root.end, v.end)}\`: declare an awscc provider configuration with that alias (same region and account).`);
  }
}

/** `ignore_changes = [callback_urls]` → `[callback_ur_ls]`. */
function lifecycleEdits(block: Block, edits: { start: number; end: number; text: string }[]): void {
  for (const item of block.body.items) {
    if (item.kind !== 'Attribute' || item.name.name !== 'ignore_changes' || item.value.kind !== 'Tuple') continue;
    for (const entry of item.value.items) {
      const root = entry.kind === 'Variable' ? entry : entry.kind === 'Traversal' && entry.source.kind === 'Variable' ? entry.source : undefined;
      const m = root ? byAws.get(root.name) : undefined;
      if (root && m?.awscc && m.awscc !== root.name) edits.push({ start: root.start, end: root.end, text: m.awscc });
      // `token_validity_units[0].x` → `token_validity_units.x`
      if (entry.kind === 'Traversal' && m?.kind === 'block' && isZeroIndex(entry.steps[0])) edits.push({ start: entry.steps[0].start, end: entry.steps[0].end, text: '' });
    }
  }
}

export function isZeroIndex(step: Expression | { kind: string } | undefined): boolean {
  if (!step) return false;
  if (step.kind === 'LegacyIndex') return (step as unknown as { index: number }).index === 0;
  if (step.kind === 'Index') {
    const key = (step as unknown as { key: Expression }).key;
    return key.kind === 'Literal' && key.value === 0;
  }
  return false;
}

interface Imports {
  text: string;
  instances: InstanceInfo[];
  expression: boolean;
  forEach: boolean;
}

function importBlocks(
  file: HclFile,
  name: string,
  pool: Attribute | undefined,
  clientName: Attribute | undefined,
  count: Attribute | undefined,
  forEach: Attribute | undefined,
  module: TerraformModule | undefined,
  options: ConvertOptions,
  notes: string[],
): Imports {
  const base = `${RESOURCE_TYPE}.${name}`;
  const poolValue = pool ? evaluate(pool.value, module) : undefined;
  const poolText = pool && pool.value.kind !== 'Invalid' ? file.slice(pool.value.start, pool.value.end) : undefined;
  const nameValue = clientName ? evaluate(clientName.value, module) : undefined;
  const staticName = nameValue?.kind === 'string' ? nameValue.value : undefined;
  // A variable's default is not the value Terraform will see (tfvars or a caller may set it): only
  // literals and locals count as known; otherwise the import carries the expression itself.
  const staticPool = poolValue?.kind === 'string' && !poolValue.via?.startsWith('var.') ? poolValue.value : undefined;
  const perInstance = /\b(each|count)\./.test(poolText ?? '');
  // The pool part: the literal when we know it; else the expression itself, which Terraform evaluates at
  // plan time (an existing pool's ID is in the state); `each`/`count` exist only in the resource.
  const pool$: PoolPart = staticPool !== undefined ? { literal: staticPool } : poolText && !perInstance ? { expression: poolText } : { literal: POOL_ID_PLACEHOLDER };
  if ('literal' in pool$ && pool$.literal === POOL_ID_PLACEHOLDER && !forEach) notes.push(`${base}: the user pool ID is not known from the configuration; fill in ${POOL_ID_PLACEHOLDER}.`);

  const instances: InstanceInfo[] = [];
  const blocks: string[] = [];
  const one = (address: string, key?: string) => {
    const id = options.clientIds?.[address];
    const instanceName = key === undefined ? staticName : keyedName(clientName, forEach, key, file, module);
    instances.push({ address, clientName: instanceName, userPoolId: staticPool, filled: id !== undefined });
    blocks.push(importText(address, pool$, id ?? CLIENT_ID_PLACEHOLDER, options.style));
  };

  if (forEach) {
    const keys = staticKeys(forEach.value, module);
    if (keys && !perInstance) {
      for (const key of keys) one(`${base}[${quoteString(key)}]`, key);
    } else {
      // One import over the same collection: `each` means the same in the import as in the resource.
      const eachPool: PoolPart = staticPool !== undefined ? { literal: staticPool } : poolText ? { expression: poolText } : { literal: POOL_ID_PLACEHOLDER };
      const address = `${base}[each.key]`;
      instances.push({ address, filled: false });
      const body = importText(address, eachPool, CLIENT_ID_PLACEHOLDER, options.style).replace('import {\n', `import {\n  for_each = ${file.slice(forEach.value.start, forEach.value.end)}\n\n`);
      blocks.push(body);
      notes.push(`${base}: its instances are not known statically; the import uses the same for_each, and each instance's client ID has to be filled in (one client ID per key: replace ${CLIENT_ID_PLACEHOLDER} with a lookup such as { key = "id" }[each.key]).`);
      return { text: blocks.join('\n'), instances, expression: true, forEach: true };
    }
  } else if (count) {
    const n = evaluate(count.value, module);
    const total = n?.kind === 'number' && Number.isInteger(n.value) && n.value >= 0 && n.value <= 100 ? n.value : undefined;
    if (total === undefined) {
      notes.push(`${base}: count is not known statically; one import for index 0 was written, add one per instance.`);
      one(`${base}[0]`, '0');
    } else for (let i = 0; i < total; i++) one(`${base}[${i}]`, String(i));
    if (perInstance) notes.push(`${base}: user_pool_id depends on count.index; fill in ${POOL_ID_PLACEHOLDER} in each import.`);
  } else one(base);

  return { text: blocks.join('\n'), instances, expression: 'expression' in pool$, forEach: false };
}

type PoolPart = { literal: string } | { expression: string };

function importText(address: string, pool: PoolPart, clientId: string, style: MigrateStyle): string {
  if (style === 'identity') {
    const poolValue = 'literal' in pool ? quoteString(pool.literal) : pool.expression;
    return `import {\n  to = ${address}\n  identity = {\n    user_pool_id = ${poolValue}\n    client_id = ${quoteString(clientId)}\n  }\n}\n`;
  }
  const escaped = quoteString(clientId).slice(1, -1);
  const id = 'literal' in pool ? quoteString(`${pool.literal}|${clientId}`) : `"\${${pool.expression}}|${escaped}"`;
  return `import {\n  to = ${address}\n  id = ${id}\n}\n`;
}

/** The instance keys of a `for_each` known without Terraform: an object's keys, or `toset([...])` of strings. */
function staticKeys(expr: Expression, module: TerraformModule | undefined): string[] | undefined {
  let target = expr;
  if (expr.kind === 'FunctionCall' && expr.name.name === 'toset' && expr.args.length === 1) target = expr.args[0];
  const value = evaluate(target, module);
  if (value?.kind === 'object') return value.entries.map((e) => e.key);
  if (value?.kind === 'list' && target !== expr) {
    const keys = value.items.map((i) => (i?.kind === 'string' ? i.value : undefined));
    return keys.every((k): k is string => k !== undefined) ? [...new Set(keys)] : undefined;
  }
  return undefined;
}

/** The client name of one `for_each` instance when `name` is `each.key`, `each.value` or `each.value.f` over a static collection. */
function keyedName(name: Attribute | undefined, forEach: Attribute | undefined, key: string, file: HclFile, module: TerraformModule | undefined): string | undefined {
  if (!name || !forEach) return undefined;
  const text = file.slice(name.value.start, name.value.end).trim();
  if (text === 'each.key') return key;
  const m = /^each\.value(?:\.([A-Za-z_][A-Za-z0-9_-]*))?$/.exec(text);
  if (!m) return undefined;
  const collection = forEach.value;
  if (collection.kind === 'FunctionCall' && collection.name.name === 'toset' && collection.args.length === 1) return m[1] ? undefined : key;
  const value = evaluate(collection, module);
  if (value?.kind !== 'object') return undefined;
  const entry = value.entries.find((e) => e.key === key)?.value;
  const field = m[1] ? (entry?.kind === 'object' ? entry.entries.find((e) => e.key === m[1])?.value : undefined) : entry;
  return field?.kind === 'string' ? field.value : undefined;
}
