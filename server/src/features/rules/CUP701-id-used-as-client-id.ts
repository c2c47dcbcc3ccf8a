import type { Rule } from './types';

const CLIENT_ID_NAME = /(^|_)client_id$/i;

export const idUsedAsClientId: Rule = {
  code: 'CUP701',
  name: 'id-used-as-client-id',
  defaultSeverity: 'warning',
  category: 'references',
  doc: {
    summary: '`awscc_cognito_user_pool_client.X.id` passed where a client ID is expected (an argument, object key, local or output named `client_id` or `..._client_id`).',
    why: 'In awscc the resource `id` is `<user_pool_id>|<client_id>`, not the client ID (unlike many hashicorp/aws resources). Services given it as a client ID fail or, worse, store a wrong value.',
    fix: 'Changes `.id` to `.client_id`.',
  },
  check(context) {
    for (const ref of context.index.references) {
      if (ref.attribute?.name !== 'id' || !ref.context || !CLIENT_ID_NAME.test(ref.context.name)) continue;
      const span = { start: ref.attribute.start, end: ref.attribute.end };
      context.report(
        span,
        `\`.id\` of awscc_cognito_user_pool_client is \`<user_pool_id>|<client_id>\`; \`${ref.context.name}\` most likely wants \`.client_id\`.`,
        [{ title: 'Use `.client_id`', edits: [{ ...span, newText: 'client_id' }], preferred: true }],
      );
    }
  },
};
