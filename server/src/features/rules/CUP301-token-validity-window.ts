import { inWords, tokenDurations, validityBoundsInUnit } from './tokenDurations';
import type { Rule } from './types';
import { viaText } from './values';

export const tokenValidityWindow: Rule = {
  code: 'CUP301',
  name: 'token-validity-window',
  defaultSeverity: 'error',
  category: 'token-validity',
  doc: {
    summary: 'A token lifetime whose value × unit falls outside what AWS accepts: access and ID tokens 5 minutes–1 day, refresh tokens 60 minutes–10 years.',
    why:
      'The provider only checks the raw number, whatever the unit, so `access_token_validity = 48` (hours by default) passes `terraform plan` and fails at apply. Units default to hours, hours and days.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      for (const d of tokenDurations(context, client).values()) {
        const v = d.value;
        if (!v) continue;
        const range = client.schema.attributes.find((a) => a.name === d.fact.attribute)?.range;
        // A raw value outside the provider's range is reported by CUP202 already.
        if (range && (v.value < range.min || v.value > range.max)) continue;
        if (d.seconds >= d.fact.minSeconds && d.seconds <= d.fact.maxSeconds) continue;
        const bounds = validityBoundsInUnit(d.fact, d.unit);
        const allowed = bounds.min > bounds.max ? `no whole number of ${d.unit} fits` : `in ${d.unit} that is ${bounds.min === bounds.max ? bounds.min : `${bounds.min}–${bounds.max}`}`;
        context.report(
          v.span,
          `${v.value} ${d.unit} (${inWords(d.seconds)}) is outside the ${d.fact.window} AWS allows for ${d.fact.token === 'id' ? 'ID' : d.fact.token} tokens; ${allowed}${viaText(v)}.`,
        );
      }
    }
  },
};
