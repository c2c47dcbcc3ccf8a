import type { Block, Expression, Node, Span } from '../../parser';
import { forEachChild } from '../../parser';
import { objectKey } from '../evaluate';
import { idPartsOf, reachingParts, type IdOrigin, type IdPart } from './clientIdParts';
import type { Fix, Rule, RuleContext } from './types';

/** Places that take a client ID: `client_id`, `..._client_id`, and lists of them (`client_ids`, JWT `audience`, OIDC `client_id_list`). */
const CLIENT_ID_PLACE = /(^|_)client_id$|(^|_)client_ids$|^client_id_list$|^audiences?$/i;
/** Only items whose text names such a place can hold one. */
const MAY_HOLD_PLACE = /client_id|audience/i;

export const idUsedAsClientId: Rule = {
  code: 'CUP701',
  name: 'id-used-as-client-id',
  defaultSeverity: 'warning',
  category: 'references',
  doc: {
    summary:
      'The whole `awscc_cognito_user_pool_client.X.id` (`<user_pool_id>|<client_id>`), or only its user pool part, reaches a place that wants a client ID: an argument, object key, local or output named `client_id` or `..._client_id`, or a list named `client_ids`, `audience` or `client_id_list`.',
    why:
      'In awscc the resource `id` is `<user_pool_id>|<client_id>`, not the client ID (unlike many hashicorp/aws resources). Services given it as a client ID fail or, worse, store a wrong value. ' +
      'The rule follows the value through locals, conditionals, `try`, `coalesce`, templates, for expressions and string functions, so `split("|", X.id)[1]`, `element(split("|", X.id), 1)`, `trimprefix(X.id, "${pool}|")`, `regex("[^|]+$", X.id)` and `X.client_id` are recognised as the client ID; `split("|", X.id)[0]` is the user pool ID and is reported. Values it cannot follow (variables, unknown functions) are never reported.',
    fix: 'Changes `.id` to `.client_id` where the reference is written in the place itself.',
  },
  check(context) {
    const file = context.index.file;
    for (const item of context.index.items) {
      if (item.kind !== 'Block' || !MAY_HOLD_PLACE.test(file.slice(item.start, item.end))) continue;
      forEachPlace(item, (name, expr) => checkPlace(context, name, expr));
    }
  },
};

/** Calls `visit` for every named place in a top-level block whose name wants a client ID. */
function forEachPlace(top: Block, visit: (name: string, expr: Expression) => void): void {
  const kind = top.type.name;
  const inExpression = (node: Node) => {
    if (node.kind === 'ObjectItem') {
      const key = objectKey(node.key);
      if (key !== undefined && CLIENT_ID_PLACE.test(key)) visit(key, node.value);
    }
    forEachChild(node, inExpression);
  };
  const body = (block: Block) => {
    for (const item of block.body.items) {
      if (item.kind === 'Block') {
        body(item);
        continue;
      }
      if (item.equals < 0) continue;
      const name = kind === 'output' && block === top && item.name.name === 'value' ? top.labels[0]?.value ?? '' : item.name.name;
      if (CLIENT_ID_PLACE.test(name)) visit(name, item.value);
      inExpression(item.value);
    }
  };
  body(top);
}

function checkPlace(context: RuleContext, place: string, expr: Expression): void {
  const reported = new Set<string>();
  for (const { part, origin } of reachingParts(idPartsOf(expr, context.ctx.module))) {
    if (part === 'client') continue;
    // A local that is itself a client-ID place is reported where it is defined.
    if (origin.via.some((v) => CLIENT_ID_PLACE.test(v.name.slice('local.'.length)))) continue;
    const span: Span = origin.via[0]?.span ?? origin.attribute;
    const key = `${span.start}:${span.end}:${part}`;
    if (reported.has(key)) continue;
    reported.add(key);
    context.report(span, message(place, part, origin), () => fixFor(part, origin));
  }
}

function message(place: string, part: Exclude<IdPart, 'client'>, origin: IdOrigin): string {
  const through = origin.via.length > 0 ? `${origin.via[0].name} holds ${partText(part)} of ${origin.resource}` : `This is ${partText(part)} of ${origin.resource}`;
  return part === 'whole'
    ? `${through}: the awscc id is "<user_pool_id>|<client_id>", but "${place}" wants the client ID. Use .client_id (or split("|", ….id)[1]).`
    : `${through}: the part before "|" is the user pool ID, but "${place}" wants the client ID. Use .client_id (or index 1 of the split).`;
}

function partText(part: Exclude<IdPart, 'client'>): string {
  return part === 'whole' ? 'the whole .id' : 'the user pool part of .id';
}

function fixFor(part: IdPart, origin: IdOrigin): Fix[] | undefined {
  if (part !== 'whole' || origin.via.length > 0) return undefined;
  return [{ title: 'Use .client_id', edits: [{ ...origin.attribute, newText: 'client_id' }], preferred: true }];
}
