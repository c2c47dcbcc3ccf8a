import type { Block, HclFile } from '../../parser';
import type { Declaration } from '../../model';
import { indentAt, lineBreakOf, lineStartOf } from './support';
import { namedValues, orderedAfter, poolOfClient, providerNamed, serverForScope } from './poolFacts';
import { attributeOf } from './runIndex';
import type { Fix, FixEdit, Rule, RuleContext } from './types';
import { stringItems, type KnownValue } from './values';
import type { StaticValue } from '../evaluate';

export const creationOrderRace: Rule = {
  code: 'CUP804',
  name: 'creation-order-race',
  defaultSeverity: 'warning',
  category: 'module',
  reads: 'clients',
  doc: {
    summary:
      'A custom scope or identity provider name written as a string whose creator (a resource server or identity provider of the same pool) is in the module, with nothing that orders the client after it.',
    why:
      'Terraform orders resources only by references. A client that names its scope or provider as plain text may be created first, and AWS then refuses it (unknown scope, or "The provider ... does not exist"); the next apply passes, which makes the failure hard to trace. Public modules and the AWS CDK have fixed this bug with explicit dependencies.',
    fix: 'Replaces the string with an expression that reads the creator (which orders the client after it), or adds the creator to `depends_on`.',
  },
  check(context) {
    const module = context.ctx.module;
    for (const known of namedValues(context)) {
      const scopes = known.path === 'allowed_o_auth_scopes';
      if (!scopes && known.path !== 'supported_identity_providers') continue;
      const pool = poolOfClient(context, known.client);
      if (!pool) continue;
      const reported = new Set<string>();
      for (const item of stringItems(known)) {
        const creator = scopes ? scopeCreator(pool, item.value) : providerCreator(pool, item.value);
        if (!creator || reported.has(creator.declaration.address)) continue;
        if (orderedAfter(module, known.client.block, creator.declaration)) continue;
        reported.add(creator.declaration.address);
        const what = scopes ? `the scope "${item.value}"` : `the identity provider "${item.value}"`;
        context.report(
          item.span,
          `Nothing orders this client after ${creator.declaration.address}, which creates ${what}: Terraform may create the client first and AWS then refuses it. Reference the creator instead of the string, or add it to depends_on.`,
          () => fixesFor(context, known, item, creator),
        );
      }
    }
  },
};

interface Creator {
  declaration: Declaration;
  /** The expression that yields exactly the string and orders the client after the creator. */
  reference?: string;
}

function scopeCreator(pool: Parameters<typeof serverForScope>[0], scope: string): Creator | undefined {
  const found = serverForScope(pool, scope);
  if (!found?.server.scopes?.some((s) => s.value === found.name)) return undefined;
  const address = found.server.declaration.address;
  return { declaration: found.server.declaration, reference: found.server.repeated ? undefined : `"\${${address}.identifier}/${found.name}"` };
}

function providerCreator(pool: Parameters<typeof providerNamed>[0], name: string): Creator | undefined {
  const provider = providerNamed(pool, name);
  if (!provider) return undefined;
  return { declaration: provider.declaration, reference: provider.repeated ? undefined : `${provider.declaration.address}.provider_name` };
}

function fixesFor(context: RuleContext, known: KnownValue, item: StaticValue, creator: Creator): Fix[] {
  const fixes: Fix[] = [];
  const file = context.ctx.document.file;
  // Only a string written in the client itself can be replaced here; one from a local is fixed where it is.
  if (creator.reference && item.direct) {
    fixes.push({ title: `Read it from ${creator.declaration.address}`, edits: [{ start: item.span.start, end: item.span.end, newText: creator.reference }], preferred: true });
  }
  const dependsOn = dependsOnEdit(file, known.client.block, creator.declaration.address);
  if (dependsOn) fixes.push({ title: `Add ${creator.declaration.address} to depends_on`, edits: [dependsOn], preferred: fixes.length === 0 });
  return fixes;
}

/** Adds an address to `depends_on = [...]`, or a new `depends_on` line at the end of the block. */
function dependsOnEdit(file: HclFile, block: Block, address: string): FixEdit | undefined {
  const existing = attributeOf(block, 'depends_on');
  if (existing) {
    const list = existing.value;
    if (list.kind !== 'Tuple' || !list.closed) return undefined;
    const last = list.items[list.items.length - 1];
    return last ? { start: last.end, end: last.end, newText: `, ${address}` } : { start: list.start + 1, end: list.start + 1, newText: address };
  }
  if (block.closeBrace < 0) return undefined;
  const closeLine = lineStartOf(file, block.closeBrace);
  const eol = lineBreakOf(file);
  if (file.slice(closeLine, block.closeBrace).trim() !== '' || closeLine <= block.openBrace) {
    return { start: block.closeBrace, end: block.closeBrace, newText: ` depends_on = [${address}] ` };
  }
  const first = block.body.items[0];
  const indent = first ? indentAt(file, first.start) : indentAt(file, block.start) + '  ';
  const blank = block.body.items.length > 0 ? eol : '';
  return { start: closeLine, end: closeLine, newText: `${blank}${indent}depends_on = [${address}]${eol}` };
}
