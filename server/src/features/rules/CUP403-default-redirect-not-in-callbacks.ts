import { hclString, insertIntoBlock } from './support';
import { listState, stringState } from './clientValues';
import type { Fix, Rule } from './types';

export const defaultRedirectNotInCallbacks: Rule = {
  code: 'CUP403',
  name: 'default-redirect-not-in-callbacks',
  defaultSeverity: 'error',
  category: 'cross-field',
  reads: 'clients',
  doc: {
    summary: '`default_redirect_uri` is not one of `callback_ur_ls`.',
    why: 'The Cognito API reference requires the default redirect URI to be a registered callback URL.',
    fix: 'Adds the URI to `callback_ur_ls`.',
  },
  check(context) {
    const file = context.ctx.document.file;
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const uri = stringState(context, client, 'default_redirect_uri');
      const callbacks = listState(context, client, 'callback_ur_ls');
      if (!uri || !callbacks?.complete || callbacks.items.some((i) => i.value === uri.value)) continue;
      let fix: Fix | undefined;
      const tuple = callbacks.value?.direct && callbacks.value.span && (callbacks.value.span as { kind?: string }).kind === 'Tuple'
        ? (callbacks.value.span as import('../../parser').Tuple)
        : undefined;
      if (tuple && tuple.closed) {
        const last = tuple.items[tuple.items.length - 1];
        const edit = last
          ? { start: last.end, end: last.end, newText: `, ${hclString(uri.value)}` }
          : { start: tuple.start + 1, end: tuple.start + 1, newText: hclString(uri.value) };
        fix = { title: `Add "${uri.value}" to \`callback_ur_ls\``, edits: [edit], preferred: true };
      } else if (callbacks.absent) {
        const edit = insertIntoBlock(file, client.block, `callback_ur_ls = [${hclString(uri.value)}]`);
        if (edit) fix = { title: `Add \`callback_ur_ls = ["${uri.value}"]\``, edits: [edit], preferred: true };
      }
      context.report(
        uri.span,
        callbacks.absent
          ? `\`default_redirect_uri\` must be one of \`callback_ur_ls\`, and there are none.`
          : `\`${uri.value}\` is not in \`callback_ur_ls\`; \`default_redirect_uri\` must be one of the callback URLs.`,
        fix && uri.direct ? [fix] : undefined,
      );
    }
  },
};
