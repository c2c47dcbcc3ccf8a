import { SECONDS_PER_UNIT, type TimeUnit } from '../../knowledge';
import type { ClientBlock } from './runIndex';
import { indentAt, lineBreakOf, nextLineStart, replaceFix } from './support';
import { amount, inWords, tokenDurations, validityBoundsInUnit, type TokenDuration } from './tokenDurations';
import type { Fix, Rule, RuleContext } from './types';
import { viaText } from './values';

export const tokenValidityWindow: Rule = {
  code: 'CUP301',
  name: 'token-validity-window',
  defaultSeverity: 'error',
  category: 'token-validity',
  reads: 'clients',
  doc: {
    summary: 'A token lifetime whose value × unit falls outside what AWS accepts: access and ID tokens 5 minutes–1 day, refresh tokens 60 minutes–10 years.',
    why:
      'The provider only checks the raw number, whatever the unit, so `access_token_validity = 48` (hours by default) passes `terraform plan` and fails at apply. Units default to hours, hours and days.',
    fix: 'Sets the nearest number the window allows in the current unit, or switches to a unit in which the number is a lifetime AWS accepts (when the value and the unit are written in the block).',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      for (const d of tokenDurations(context, client).values()) {
        const v = d.value;
        if (!v) continue;
        const range = rangeOf(client, d.fact.attribute);
        // A raw value outside the provider's range is reported by CUP202 already.
        if (range && (v.value < range.min || v.value > range.max)) continue;
        if (d.seconds >= d.fact.minSeconds && d.seconds <= d.fact.maxSeconds) continue;
        reportOutside(context, client, d, range);
      }
    }
  },
};

/** The provider's range for an attribute (a loop: a closure here made V8 allocate a scope for each `d`). */
function rangeOf(client: ClientBlock, attribute: string): { min: number; max: number } | undefined {
  const specs = client.schema.attributes;
  for (let i = 0; i < specs.length; i++) if (specs[i].name === attribute) return specs[i].range;
  return undefined;
}

function reportOutside(context: RuleContext, client: ClientBlock, d: TokenDuration, range: { min: number; max: number } | undefined): void {
  const v = d.value!;
  const bounds = validityBoundsInUnit(d.fact, d.unit);
  const allowed = bounds.min > bounds.max ? `no whole number of ${d.unit} fits` : `in ${d.unit} that is ${bounds.min === bounds.max ? bounds.min : `${bounds.min} to ${bounds.max}`}`;
  const written = amount(v.value, d.unit);
  const words = inWords(d.seconds);
  // "5000 days (5000 days)" says nothing twice: the plain form only when it differs.
  const duration = words === written ? written : `${written} (${words})`;
  context.report(
    v.span,
    `${duration} is outside the ${d.fact.window} AWS allows for ${d.fact.token === 'id' ? 'ID' : d.fact.token} tokens; ${allowed}${viaText(v)}.`,
    () => fixes(context, client, d, range),
  );
}

const UNITS: readonly TimeUnit[] = ['seconds', 'minutes', 'hours', 'days'];

function fixes(context: RuleContext, client: ClientBlock, d: TokenDuration, range: { min: number; max: number } | undefined): Fix[] | undefined {
  const v = d.value!;
  if (!v.direct) return undefined;
  const out: Fix[] = [];
  const bounds = validityBoundsInUnit(d.fact, d.unit);
  const min = Math.max(bounds.min, range?.min ?? bounds.min);
  const max = Math.min(bounds.max, range?.max ?? bounds.max);
  if (min <= max) {
    const nearest = v.value < min ? min : max;
    out.push(replaceFix(`Set ${d.fact.attribute} to ${nearest} (${amount(nearest, d.unit)})`, v.span, String(nearest), false));
  }
  // The unit nearest the current one in which the number fits: most likely what the author meant.
  const at = UNITS.indexOf(d.unit);
  const unit = UNITS.filter((u) => u !== d.unit)
    .filter((u) => v.value * SECONDS_PER_UNIT[u] >= d.fact.minSeconds && v.value * SECONDS_PER_UNIT[u] <= d.fact.maxSeconds)
    .sort((a, b) => Math.abs(UNITS.indexOf(a) - at) - Math.abs(UNITS.indexOf(b) - at))[0];
  const edit = unit && unitEdit(context, client, d, unit);
  if (unit && edit) out.push({ title: `Count ${d.fact.token === 'id' ? 'ID' : d.fact.token} tokens in ${unit} (${amount(v.value, unit)})`, edits: [edit] });
  return out.length > 0 ? out : undefined;
}

/** Sets the token's unit: rewrites a literal entry, or adds `token_validity_units` when the block has none. */
function unitEdit(context: RuleContext, client: ClientBlock, d: TokenDuration, unit: TimeUnit) {
  if (d.unitValue) return d.unitValue.direct ? { start: d.unitValue.span.start, end: d.unitValue.span.end, newText: `"${unit}"` } : undefined;
  if (client.attributes.has('token_validity_units')) return undefined;
  const attribute = client.attributes.get(d.fact.attribute);
  if (!attribute) return undefined;
  const file = context.ctx.document.file;
  const next = nextLineStart(file, attribute.end);
  if (next < 0) return undefined;
  const eol = lineBreakOf(file);
  const indent = indentAt(file, attribute.start);
  const text = `${indent}token_validity_units = {${eol}${indent}  ${d.fact.unitKey} = "${unit}"${eol}${indent}}${eol}`;
  return { start: next, end: next, newText: text };
}
