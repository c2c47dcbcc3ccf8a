import { CUSTOM_ATTRIBUTE_PREFIX, standardUserAttributes } from '../../knowledge';
import { changeStringFix, didYouMean, suggestion } from './support';
import type { Rule } from './types';
import { knownValues, stringItems, viaText } from './values';

const NAMES = standardUserAttributes.map((a) => a.value);

export const unknownUserAttribute: Rule = {
  code: 'CUP209',
  name: 'unknown-user-attribute',
  defaultSeverity: 'warning',
  category: 'values',
  reads: 'clients',
  doc: {
    summary: 'An entry of `read_attributes`/`write_attributes` that is neither a standard attribute, a verification flag, nor `custom:<name>` (and `dev:` attributes in `write_attributes`).',
    why:
      'The Cognito guide lists the allowed names; reports of the service rejecting others ("Invalid write attributes specified") are secondary, hence a warning. Custom attributes need their `custom:` prefix.',
    fix: 'Replaces a misspelt standard name with the one it resembles.',
  },
  check(context) {
    for (const known of knownValues(context)) {
      if (known.path !== 'read_attributes' && known.path !== 'write_attributes') continue;
      for (const item of stringItems(known)) {
        const v = item.value;
        if (NAMES.includes(v) || (v.startsWith(CUSTOM_ATTRIBUTE_PREFIX) && v.length > CUSTOM_ATTRIBUTE_PREFIX.length)) continue;
        if (v.startsWith('dev:')) {
          if (known.path === 'write_attributes') context.report(item.span, `\`${v}\` is a developer-only attribute; app clients can read it but not write it${viaText(item)}.`);
          continue;
        }
        if (v === '') continue;
        const better = didYouMean(v, NAMES);
        context.report(
          item.span,
          `\`${v}\` is not a standard user attribute${viaText(item)}; custom attributes are written \`custom:${v}\`.${suggestion(better)}`,
          changeStringFix(item, better),
        );
      }
    }
  },
};
