// The aws → awscc migration of a module's `aws_cognito_user_pool_client` blocks (all of them, or one for the
// code action): the converted blocks with their `removed` and `import` blocks, the rewritten references,
// and what it needs (versions) and what the user still has to do (notes, warnings). A file that was in
// `terraform fmt` layout before stays in it; generated text is always laid out.
import { AWSCC_IDENTITY_SINCE, AWS_CLIENT_TYPE, identitySchema, importBlockSchema, removedBlock } from '../../knowledge';
import { importTarget, type ModuleDocument, type TerraformModule } from '../../model';
import type { Block, HclFile } from '../../parser';
import { format } from '../../format';
import { allowsAtLeast, compareVersions, parseVersion } from '../versionConstraint';
import type { FixEdit } from '../rules/types';
import { convertBlock, type BlockConversion, type ConvertOptions, type InstanceInfo, type MigrateStyle } from './convert';
import { referenceEdits } from './references';

export { type MigrateStyle, type InstanceInfo, type ConvertOptions } from './convert';

export interface FileChange {
  uri: string;
  before: string;
  after: string;
}

export interface MigrationPlan {
  /** One entry per changed file. */
  changes: FileChange[];
  /** The smallest edit per changed file (for a workspace edit). */
  edits: FixEdit[];
  instances: InstanceInfo[];
  /** Versions the result needs, one sentence each. */
  requirements: string[];
  /** The module's constraints exclude a needed version. */
  warnings: string[];
  /** What was not converted mechanically and needs a look. */
  notes: string[];
}

/** The aws client blocks of a document. */
export function awsClientBlocks(file: HclFile): Block[] {
  return file.body.items.filter((i): i is Block => i.kind === 'Block' && i.type.name === 'resource' && i.labels[0]?.value === AWS_CLIENT_TYPE && i.labels.length === 2 && i.closeBrace >= 0);
}

/** Plans the migration of every aws client in `module`, or only of `only` (a block of `onlyUri`). */
export function planMigration(module: TerraformModule, options: ConvertOptions, only?: { uri: string; block: Block }): MigrationPlan {
  const docs = module.documents().filter((d) => d.uri.endsWith('.tf'));
  const targets = new Map<ModuleDocument, Block[]>();
  for (const doc of docs) {
    const blocks = only ? (doc.uri === only.uri ? awsClientBlocks(doc.file).filter((b) => b === only.block) : []) : awsClientBlocks(doc.file);
    if (blocks.length) targets.set(doc, blocks);
  }
  const names = new Set([...targets.values()].flat().map((b) => b.labels[1].value));
  const plan0Notes = leftovers(module, names);
  const all = [...targets.values()].flat();
  const plan: MigrationPlan = { changes: [], edits: [], instances: [], requirements: [], warnings: [], notes: plan0Notes };
  let importExpression = false;
  let importForEach = false;

  const conversions = new Map<Block, BlockConversion>();
  for (const [doc, blocks] of targets) {
    for (const block of blocks) {
      const converted = convertBlock(doc.file, block, module, options);
      conversions.set(block, converted);
      plan.instances.push(...converted.instances);
      plan.notes.push(...converted.notes);
      importExpression ||= converted.importExpression;
      importForEach ||= converted.importForEach;
    }
  }
  if (conversions.size > 0) versions(module, options.style, importExpression, importForEach, plan);
  const header = [
    '# Moved from hashicorp/aws without recreating the app client: Terraform forgets the aws object (removed,',
    '# destroy = false) and imports the same client into awscc.',
    ...plan.requirements.map((r) => `# Needs ${r}`),
    ...plan.warnings.map((w) => `# WARNING: ${w}`),
  ].join('\n');

  for (const doc of docs) {
    const edits: FixEdit[] = [];
    for (const block of targets.get(doc) ?? []) {
      const converted = conversions.get(block)!;
      const text = `${converted.resource}\n\n${header}\n${converted.moves}`;
      edits.push({ start: block.start, end: block.end, newText: laidOut(text).replace(/\n$/, '') });
    }
    if (names.size > 0) edits.push(...referenceEdits(doc, names, all, plan.notes));
    if (edits.length === 0) continue;
    const before = doc.file.text;
    let after = apply(before, edits);
    const eol = /\r\n/.test(before) ? '\r\n' : '\n';
    if (eol === '\r\n') after = after.replace(/\r?\n/g, '\r\n');
    const wasFormatted = formatted(before) === before;
    if (wasFormatted) after = formatted(after) ?? after;
    if (after === before) continue;
    plan.changes.push({ uri: doc.uri, before, after });
    plan.edits.push({ ...smallestEdit(before, after), uri: doc.uri });
  }
  return plan;
}

/** What the conversion does not rewrite but the user must: imports of the aws address, JSON files naming it. */
function leftovers(module: TerraformModule, names: ReadonlySet<string>): string[] {
  const notes: string[] = [];
  if (names.size === 0) return notes;
  for (const doc of module.documents()) {
    if (!doc.uri.endsWith('.tf')) {
      if (doc.file.text.includes(AWS_CLIENT_TYPE)) notes.push(`${doc.uri} mentions ${AWS_CLIENT_TYPE} but JSON configuration is not rewritten: update it by hand.`);
      continue;
    }
    for (const item of doc.file.body.items) {
      if (item.kind !== 'Block' || item.type.name !== 'import') continue;
      const target = importTarget(item);
      if (target?.resourceType === AWS_CLIENT_TYPE && target.resourceName && names.has(target.resourceName)) {
        notes.push(`An import block imports into ${target.address}, which the conversion removes: delete it (the new import block replaces it).`);
      }
    }
  }
  return notes;
}

function versions(module: TerraformModule, style: MigrateStyle, expression: boolean, forEach: boolean, plan: MigrationPlan): void {
  const needs: { what: string; version: string }[] = [{ what: '`removed` blocks', version: removedBlock.sinceTerraform }];
  if (style === 'identity') needs.push({ what: 'import by `identity`', version: identitySchema.sinceTerraform });
  else if (expression) needs.push({ what: 'an import `id` built from an expression', version: '1.6.0' });
  else needs.push({ what: '`import` blocks', version: importBlockSchema.sinceTerraform });
  if (forEach) needs.push({ what: '`for_each` in an import block', version: importBlockSchema.arguments.find((a) => a.name === 'for_each')?.sinceTerraform ?? '1.7.0' });
  const tfMin = needs.reduce((a, b) => (compareVersions(parseVersion(b.version) ?? [0, 0, 0], parseVersion(a.version) ?? [0, 0, 0]) > 0 ? b : a));
  plan.requirements.push(`Terraform >= ${tfMin.version} (${needs.map((n) => `${n.what}: ${n.version}`).join('; ')}).`);
  for (const constraint of module.requiredVersions()) {
    for (const need of needs) {
      if (allowsAtLeast(constraint, need.version) === false) plan.warnings.push(`required_version "${constraint}" excludes Terraform ${need.version}, which ${need.what} need(s): raise it before applying.`);
    }
  }
  const awscc = module.requiredProviders().filter((p) => p.name === 'awscc' || p.source?.toLowerCase() === 'hashicorp/awscc');
  if (style === 'identity') {
    plan.requirements.push(`the awscc provider >= ${AWSCC_IDENTITY_SINCE} (import by identity).`);
    for (const p of awscc) {
      if (p.version !== undefined && allowsAtLeast(p.version, identitySchema.sinceAwscc) === false) plan.warnings.push(`the awscc version constraint "${p.version}" excludes ${identitySchema.sinceAwscc}, which import by identity needs.`);
    }
  } else plan.requirements.push('the awscc provider (hashicorp/awscc), configured for the same account and region as aws.');
  if (awscc.length === 0) plan.warnings.push('required_providers does not declare awscc (source = "hashicorp/awscc"): add it before `terraform init`.');
}

function laidOut(text: string): string {
  return formatted(text) ?? text;
}

function formatted(text: string): string | undefined {
  const result = format(text);
  return 'text' in result ? result.text : undefined;
}

function apply(text: string, edits: readonly FixEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue; // overlapping edits cannot happen by construction; never corrupt text if one did
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** One edit covering what differs between `before` and `after`. */
function smallestEdit(before: string, after: string): FixEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  // Never cut a surrogate pair: an edit boundary inside one is not valid UTF-16 on either side.
  if (p > 0 && isHigh(before.charCodeAt(p - 1))) p--;
  if (s > 0 && isHigh(before.charCodeAt(before.length - 1 - s))) s--;
  return { start: p, end: before.length - s, newText: after.slice(p, after.length - s) };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
