import type { Tuple } from '../../parser';
import { standardOAuthScopes } from '../../knowledge';
import { listState } from './clientValues';
import { removeTupleItems } from './tupleEdits';
import type { Fix, Rule, RuleContext } from './types';
import type { StaticValue } from '../evaluate';

/** The OpenID Connect and user scopes: they describe a signed-in user, and a client_credentials token has none. */
const USER_SCOPES = new Set(standardOAuthScopes.map((s) => s.value));
/** Scopes the refusal is seen quoted for in public reports. */
const REFUSAL_SEEN = new Set(['openid', 'email']);

export const clientCredentialsOpenIdScopes: Rule = {
  code: 'CUP412',
  name: 'client-credentials-openid-scopes',
  defaultSeverity: 'warning',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`client_credentials` in `allowed_o_auth_flows` together with `openid`, `email`, `phone`, `profile` or `aws.cognito.signin.user.admin` in `allowed_o_auth_scopes`.',
    why:
      'A client_credentials token belongs to no user, and AWS refuses such a client with `InvalidOAuthFlowException` ("openid is not supported with client_credentials flow", quoted in the public issue hashicorp/terraform-provider-aws#4984; the same message names `email` in other public reports). ' +
      'The API reference does not list the rule, so the evidence is secondary, hence a warning. Machine-to-machine clients use custom resource-server scopes (`<identifier>/<scope-name>`).',
    fix: 'Removes those scopes from the list, keeping the other scopes and the layout (in the local that holds the list, when it comes from one).',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const flows = listState(context, client, 'allowed_o_auth_flows');
      if (!flows?.items.some((i) => i.value === 'client_credentials')) continue;
      const scopes = listState(context, client, 'allowed_o_auth_scopes');
      if (!scopes?.value || scopes.value.kind !== 'list') continue;
      const list = scopes.value;
      const bad = list.items.flatMap((item, index) => (item?.kind === 'string' && USER_SCOPES.has(item.value) ? [{ item, index }] : []));
      if (bad.length === 0) continue;
      const fix = removeFix(context, list, bad.map((b) => b.index), bad.map((b) => b.item.kind === 'string' ? b.item.value : ''));
      const values = bad.map((b) => (b.item.kind === 'string' ? b.item.value : ''));
      if (list.direct) for (const [i, b] of bad.entries()) context.report(b.item.span, message([values[i]]), fix);
      else context.report(list.span, message(values, list.via), fix);
    }
  },
};

/** What the message may claim: AWS's refusal is seen quoted for openid and email; the other user scopes by analogy. */
function message(values: string[], via?: string): string {
  const quoted = values.map((v) => `"${v}"`).join(', ');
  const seen = values.every((v) => REFUSAL_SEEN.has(v));
  const what = `${quoted}${via ? ` (value of ${via})` : ''} ${values.length === 1 ? 'is a user scope' : 'are user scopes'}, but a client_credentials token belongs to no user`;
  return seen
    ? `${what}: AWS refuses such a client (InvalidOAuthFlowException "... is not supported with client_credentials flow"). Use custom resource-server scopes.`
    : `${what}: AWS refuses "openid" and "email" on such a client (InvalidOAuthFlowException), and most likely this too. Use custom resource-server scopes.`;
}

/** The quick fix: edit the list literal where it is written (here, or in the local it comes from). */
function removeFix(context: RuleContext, list: StaticValue & { kind: 'list' }, indices: number[], names: string[]): Fix[] | undefined {
  const title = `Remove ${names.map((n) => `"${n}"`).join(', ')}${list.direct ? '' : ` from ${list.via}`}`;
  if (list.direct) {
    const tuple = list.span as Tuple;
    if (tuple.kind !== 'Tuple' || !tuple.closed) return undefined;
    return [{ title, edits: removeTupleItems(context.ctx.document.file, tuple, indices), preferred: true }];
  }
  // Only a local whose value is the list literal itself: a list built from other values has no items to cut.
  const local = list.via?.startsWith('local.') ? context.ctx.module.findLocal(list.via.slice('local.'.length)) : undefined;
  const node = local?.node;
  if (!local?.file || node?.kind !== 'Attribute' || node.value.kind !== 'Tuple' || !node.value.closed) return undefined;
  if (node.value.items.length !== list.items.length) return undefined;
  const uri = local.uri === context.ctx.document.uri ? undefined : local.uri;
  // Not preferred: other clients may read the same local.
  return [{ title, edits: removeTupleItems(local.file, node.value, indices, uri), preferred: false }];
}
