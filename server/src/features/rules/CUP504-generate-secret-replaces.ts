import type { Rule } from './types';

export const generateSecretReplaces: Rule = {
  code: 'CUP504',
  name: 'generate-secret-replaces',
  defaultSeverity: 'information',
  category: 'advice',
  doc: {
    summary: 'A reminder on `generate_secret`: changing its value destroys and recreates the client.',
    why: 'The secret can only be chosen when the client is created (the provider marks the argument "requires replace"); a replacement gives the client a new ID, which every app using it must pick up.',
  },
  check(context) {
    for (const client of context.index.clients) {
      if (client.kind !== 'resource') continue;
      const attribute = client.attributes.get('generate_secret');
      if (attribute) context.report(attribute.name, 'Changing `generate_secret` later replaces the client, and it gets a new client ID.');
    }
  },
};
