import { attributeOf } from './runIndex';
import { insertIntoBlock } from './support';
import type { Fix, Rule } from './types';

export const secretOutputNotSensitive: Rule = {
  code: 'CUP703',
  name: 'secret-output-not-sensitive',
  defaultSeverity: 'warning',
  category: 'references',
  doc: {
    summary: 'An `output` that exposes `client_secret` without `sensitive = true`.',
    why: 'awscc does not mark `client_secret` as sensitive, so Terraform prints the secret in `terraform apply` and `terraform output` unless the output itself is marked sensitive.',
    fix: 'Adds `sensitive = true` to the output.',
  },
  check(context) {
    const file = context.ctx.document.file;
    for (const ref of context.index.references) {
      if (ref.attribute?.name !== 'client_secret' || !ref.output) continue;
      const output = ref.output.block;
      const sensitive = attributeOf(output, 'sensitive');
      if (sensitive && !(sensitive.value.kind === 'Literal' && sensitive.value.value === false)) continue;
      let fix: Fix | undefined;
      if (sensitive) fix = { title: 'Set `sensitive = true`', edits: [{ start: sensitive.value.start, end: sensitive.value.end, newText: 'true' }], preferred: true };
      else {
        const edit = insertIntoBlock(file, output, 'sensitive = true');
        if (edit) fix = { title: 'Add `sensitive = true`', edits: [edit], preferred: true };
      }
      context.report(
        { start: ref.attribute.start, end: ref.attribute.end },
        `Output \`${ref.output.name}\` shows the client secret in plain text: awscc does not mark \`client_secret\` sensitive, so \`terraform apply\` and \`terraform output\` print it. Add \`sensitive = true\`.`,
        fix ? [fix] : undefined,
      );
    }
  },
};
