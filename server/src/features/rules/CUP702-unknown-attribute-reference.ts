import { dataSourceSchema, resourceSchema } from '../../knowledge';
import { OTHER_PROVIDER_NAMES, didYouMean, replaceFix, suggestion } from './support';
import type { Rule } from './types';

export const unknownAttributeReference: Rule = {
  code: 'CUP702',
  name: 'unknown-attribute-reference',
  defaultSeverity: 'error',
  category: 'references',
  doc: {
    summary: 'A reference to an attribute `awscc_cognito_user_pool_client` does not have, such as `.secret` or `.callback_urls`.',
    why: 'Terraform rejects references to unsupported attributes at `terraform validate`.',
    fix: 'Renames to the attribute it resembles.',
  },
  check(context) {
    for (const ref of context.index.references) {
      if (!ref.attribute) continue;
      const names = (ref.data ? dataSourceSchema : resourceSchema).attributes.map((a) => a.name);
      if (names.includes(ref.attribute.name)) continue;
      const better = didYouMean(ref.attribute.name, names, OTHER_PROVIDER_NAMES);
      const span = { start: ref.attribute.start, end: ref.attribute.end };
      context.report(
        span,
        `awscc_cognito_user_pool_client has no attribute \`${ref.attribute.name}\`.${suggestion(better)}`,
        better ? [replaceFix(`Change to \`${better}\``, span, better)] : undefined,
      );
    }
  },
};
