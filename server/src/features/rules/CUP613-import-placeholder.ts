import { CLIENT_ID_PLACEHOLDER, PLACEHOLDER_PREFIX } from '../../knowledge';
import type { Expression, Node } from '../../parser';
import { forEachChild } from '../../parser';
import type { Rule } from './types';
import { importBlocks } from './importBlocks';

export const importPlaceholder: Rule = {
  code: 'CUP613',
  name: 'import-placeholder',
  defaultSeverity: 'error',
  category: 'import',
  reads: 'imports',
  doc: {
    summary: `An import \`id\` or \`identity\` that still holds a \`${PLACEHOLDER_PREFIX}...\` marker (such as \`${CLIENT_ID_PLACEHOLDER}\`) that the aws → awscc conversion leaves where an ID goes.`,
    why: 'The conversion cannot read the app client ID from the configuration (the aws resource computes it). Until the marker is replaced, the import finds no object and the plan fails.',
  },
  check(context) {
    for (const imp of importBlocks(context)) {
      if (!imp.ours) continue;
      for (const attribute of [imp.id, imp.identity]) {
        if (!attribute) continue;
        for (const span of placeholders(attribute.value)) {
          const pool = !context.ctx.document.file.slice(span.start, span.end).includes(CLIENT_ID_PLACEHOLDER);
          context.report(
            span,
            pool
              ? 'Replace the `FILL-IN-USER-POOL-ID` marker with the user pool ID (the `user_pool_id` of the aws resource in the state: `terraform state show`).'
              : `Replace \`${CLIENT_ID_PLACEHOLDER}\` with the app client ID (the \`id\` of the aws resource in the state: \`terraform state show\`, or the Cognito console), or run \`awscc-cognito migrate --write\` with AWS access to fill it.`,
          );
        }
      }
    }
  },
};

/** Strings (plain or template parts) containing the marker. */
function placeholders(expr: Expression): Node[] {
  const out: Node[] = [];
  const visit = (node: Node) => {
    if ((node.kind === 'String' || node.kind === 'TemplateLiteral') && node.value.includes(PLACEHOLDER_PREFIX)) {
      out.push(node);
      return;
    }
    forEachChild(node, visit);
  };
  visit(expr);
  return out;
}
