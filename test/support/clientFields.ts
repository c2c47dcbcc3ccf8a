// What CreateUserPoolClient would receive from a client block, for blocks whose values are literals, locals
// and loops over them: a small evaluator of both resource forms, written apart from the converter so the
// round-trip test compares two independent readings. hashicorp/aws names map to API fields by the table
// below (from the aws provider's documentation and the API reference); awscc names by the knowledge base's
// CloudFormation names, which for this resource are the API's.
import type { Block, Expression, HclFile } from '../../server/src/parser';
import { findAttribute } from '../../server/src/knowledge';

export type Value = null | string | number | boolean | Value[] | { [key: string]: Value };
export type Fields = { [field: string]: Value };

const AWS_API: Record<string, string | [string, Record<string, string>]> = {
  name: 'ClientName',
  user_pool_id: 'UserPoolId',
  access_token_validity: 'AccessTokenValidity',
  allowed_oauth_flows: 'AllowedOAuthFlows',
  allowed_oauth_flows_user_pool_client: 'AllowedOAuthFlowsUserPoolClient',
  allowed_oauth_scopes: 'AllowedOAuthScopes',
  analytics_configuration: ['AnalyticsConfiguration', { application_arn: 'ApplicationArn', application_id: 'ApplicationId', external_id: 'ExternalId', role_arn: 'RoleArn', user_data_shared: 'UserDataShared' }],
  auth_session_validity: 'AuthSessionValidity',
  callback_urls: 'CallbackURLs',
  default_redirect_uri: 'DefaultRedirectURI',
  enable_token_revocation: 'EnableTokenRevocation',
  enable_propagate_additional_user_context_data: 'EnablePropagateAdditionalUserContextData',
  explicit_auth_flows: 'ExplicitAuthFlows',
  generate_secret: 'GenerateSecret',
  id_token_validity: 'IdTokenValidity',
  logout_urls: 'LogoutURLs',
  prevent_user_existence_errors: 'PreventUserExistenceErrors',
  read_attributes: 'ReadAttributes',
  refresh_token_rotation: ['RefreshTokenRotation', { feature: 'Feature', retry_grace_period_seconds: 'RetryGracePeriodSeconds' }],
  refresh_token_validity: 'RefreshTokenValidity',
  supported_identity_providers: 'SupportedIdentityProviders',
  token_validity_units: ['TokenValidityUnits', { access_token: 'AccessToken', id_token: 'IdToken', refresh_token: 'RefreshToken' }],
  write_attributes: 'WriteAttributes',
};
const META = new Set(['count', 'for_each', 'provider', 'depends_on']);

export interface Scope {
  file: HclFile;
  locals: Map<string, { file: HclFile; expr: Expression }>;
  bindings: Map<string, Value>;
}

/** The locals of a module's files. */
export function localsOf(files: HclFile[]): Scope['locals'] {
  const out: Scope['locals'] = new Map();
  for (const file of files) {
    for (const item of file.body.items) {
      if (item.kind !== 'Block' || item.type.name !== 'locals') continue;
      for (const a of item.body.items) if (a.kind === 'Attribute') out.set(a.name.name, { file, expr: a.value });
    }
  }
  return out;
}

/** Fields per instance key ('' for a single instance) of an aws or awscc client block. */
export function clientFields(block: Block, scope: Scope): Map<string, Fields> {
  const forEach = block.body.items.find((i) => i.kind === 'Attribute' && i.name.name === 'for_each');
  const out = new Map<string, Fields>();
  if (forEach?.kind !== 'Attribute') {
    out.set('', fieldsOf(block, scope));
    return out;
  }
  for (const [key, value] of entries(evaluate(forEach.value, scope))) {
    const bindings = new Map(scope.bindings);
    bindings.set('each', { key, value });
    out.set(key, fieldsOf(block, { ...scope, bindings }));
  }
  return out;
}

function fieldsOf(block: Block, scope: Scope): Fields {
  const aws = block.labels[0].value === 'aws_cognito_user_pool_client';
  const fields: Fields = {};
  const put = (name: string, value: Value) => {
    if (value === null) return; // null is "not set"
    const [field, keys] = apiName(name, aws);
    fields[field] = keys && value && typeof value === 'object' && !Array.isArray(value) ? renameKeys(value, keys) : value;
  };
  for (const item of block.body.items) {
    if (item.kind === 'Attribute') {
      if (!META.has(item.name.name)) put(item.name.name, evaluate(item.value, scope));
      continue;
    }
    const type = item.type.name;
    if (type === 'lifecycle') continue;
    if (!aws) throw new Error(`awscc has no nested block ${type}`);
    if (type === 'dynamic') {
      const bodies = dynamicBodies(item, scope);
      if (bodies.length > 1) throw new Error(`${item.labels[0].value}: more than one block`);
      if (bodies.length === 1) put(item.labels[0].value, bodies[0]);
      continue;
    }
    put(type, bodyObject(item, scope));
  }
  return fields;
}

function apiName(name: string, aws: boolean): [string, Record<string, string> | undefined] {
  if (aws) {
    const entry = AWS_API[name];
    if (!entry) throw new Error(`unknown aws argument ${name}`);
    return typeof entry === 'string' ? [entry, undefined] : entry;
  }
  const spec = findAttribute([name]);
  if (!spec || spec.mode === 'computed') throw new Error(`unknown awscc argument ${name}`);
  const keys = spec.attributes ? Object.fromEntries(spec.attributes.map((a) => [a.name, a.cfnName])) : undefined;
  return [spec.cfnName, keys];
}

function renameKeys(value: { [key: string]: Value }, keys: Record<string, string>): Value {
  const out: { [key: string]: Value } = {};
  for (const [k, v] of Object.entries(value)) {
    if (!keys[k]) throw new Error(`unknown key ${k}`);
    if (v !== null) out[keys[k]] = v;
  }
  return out;
}

function bodyObject(block: Block, scope: Scope): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  for (const item of block.body.items) {
    if (item.kind !== 'Attribute') throw new Error('nested block in a block');
    out[item.name.name] = evaluate(item.value, scope);
  }
  return out;
}

/** A dynamic block's bodies: one per element, the iterator bound to { key, value }. */
function dynamicBodies(block: Block, scope: Scope): Value[] {
  let iterator = block.labels[0].value;
  let forEach: Value = null;
  let content: Block | undefined;
  for (const item of block.body.items) {
    if (item.kind === 'Attribute' && item.name.name === 'for_each') forEach = evaluate(item.value, scope);
    else if (item.kind === 'Attribute' && item.name.name === 'iterator' && item.value.kind === 'Variable') iterator = item.value.name;
    else if (item.kind === 'Block' && item.type.name === 'content') content = item;
  }
  if (!content) throw new Error('dynamic without content');
  return entries(forEach).map(([key, value]) => {
    const bindings = new Map(scope.bindings);
    bindings.set(iterator, { key, value });
    return bodyObject(content, { ...scope, bindings });
  });
}

/** Iteration as Terraform does it: lists by index, maps and objects by key in lexical order. */
function entries(value: Value): [string, Value][] {
  if (Array.isArray(value)) return value.map((v, i) => [String(i), v]);
  if (value && typeof value === 'object') return Object.keys(value).sort().map((k) => [k, value[k]]);
  throw new Error('for_each over a non-collection');
}

export function evaluate(expr: Expression, scope: Scope): Value {
  const text = (e: Expression) => scope.file.slice(e.start, e.end);
  switch (expr.kind) {
    case 'Literal':
      return expr.value;
    case 'String':
      return expr.value;
    case 'Template':
      return expr.parts
        .map((p) => {
          if (p.kind === 'TemplateLiteral') return p.value;
          if (p.kind === 'TemplateInterpolation') return String(evaluate(p.expression, scope));
          throw new Error('template directive');
        })
        .join('');
    case 'Parens':
      return evaluate(expr.expression, scope);
    case 'Tuple':
      return expr.items.map((i) => evaluate(i, scope));
    case 'Object': {
      const out: { [key: string]: Value } = {};
      for (const item of expr.items) {
        const key = item.key.kind === 'Variable' ? item.key.name : evaluate(item.key, scope);
        out[String(key)] = evaluate(item.value, scope);
      }
      return out;
    }
    case 'Variable': {
      if (!scope.bindings.has(expr.name)) throw new Error(`unknown name ${expr.name}`);
      return scope.bindings.get(expr.name)!;
    }
    case 'Traversal': {
      let value: Value;
      let steps = expr.steps;
      if (expr.source.kind === 'Variable' && expr.source.name === 'local') {
        const step = steps[0];
        const local = step.kind === 'GetAttr' ? scope.locals.get(step.name) : undefined;
        if (!local) throw new Error(`unknown local in ${text(expr)}`);
        value = evaluate(local.expr, { ...scope, file: local.file });
        steps = steps.slice(1);
      } else value = evaluate(expr.source, scope);
      for (const step of steps) {
        let key: Value;
        if (step.kind === 'GetAttr') key = step.name;
        else if (step.kind === 'Index') key = evaluate(step.key, scope);
        else if (step.kind === 'LegacyIndex') key = step.index;
        else throw new Error('splat');
        if (value === null || typeof value !== 'object') throw new Error(`cannot index ${text(expr)}`);
        value = Array.isArray(value) ? value[Number(key)] : value[String(key)];
        if (value === undefined) throw new Error(`no ${String(key)} in ${text(expr)}`);
      }
      return value;
    }
    case 'FunctionCall': {
      const args = expr.args.map((a) => evaluate(a, scope));
      const list = args[0];
      if (expr.name.name === 'one') {
        if (!Array.isArray(list) || list.length > 1) throw new Error('one() of more than one element');
        return list.length === 0 ? null : list[0];
      }
      if (expr.name.name === 'length' && (Array.isArray(list) || typeof list === 'string')) return list.length;
      if (expr.name.name === 'toset' && Array.isArray(list)) return [...new Set(list)];
      throw new Error(`function ${expr.name.name}`);
    }
    case 'Conditional':
      return evaluate(expr.condition, scope) === true ? evaluate(expr.trueResult, scope) : evaluate(expr.falseResult, scope);
    case 'Binary': {
      const l = evaluate(expr.left, scope);
      const r = evaluate(expr.right, scope);
      if (expr.operator === '==') return JSON.stringify(l) === JSON.stringify(r);
      if (expr.operator === '!=') return JSON.stringify(l) !== JSON.stringify(r);
      throw new Error(`operator ${expr.operator}`);
    }
    case 'For': {
      const results: [Value, Value][] = [];
      for (const [key, value] of entries(evaluate(expr.collection, scope))) {
        const bindings = new Map(scope.bindings);
        if (expr.keyVar) bindings.set(expr.keyVar.name, Array.isArray(evaluate(expr.collection, scope)) ? Number(key) : key);
        bindings.set(expr.valueVar.name, value);
        const inner = { ...scope, bindings };
        if (expr.condition && evaluate(expr.condition, inner) !== true) continue;
        results.push([expr.keyExpr ? evaluate(expr.keyExpr, inner) : null, evaluate(expr.valueExpr, inner)]);
      }
      return expr.object ? Object.fromEntries(results.map(([k, v]) => [String(k), v])) : results.map(([, v]) => v);
    }
    default:
      throw new Error(`cannot evaluate ${expr.kind}: ${text(expr)}`);
  }
}
