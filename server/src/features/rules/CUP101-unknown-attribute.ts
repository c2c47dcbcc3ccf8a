import { RESOURCE_TYPE } from '../../knowledge';
import { META_ATTRIBUTES, META_BLOCKS, hasAttributeNamed, settableNames } from './schemaNames';
import { OTHER_PROVIDER_NAMES, didYouMean, replaceFix, suggestion } from './support';
import type { Rule } from './types';

export const unknownAttribute: Rule = {
  code: 'CUP101',
  name: 'unknown-attribute',
  defaultSeverity: 'error',
  category: 'schema',
  reads: 'clients',
  structural: true,
  doc: {
    summary: `An argument or nested block that \`${RESOURCE_TYPE}\` does not have.`,
    why:
      'Terraform rejects unknown arguments at `terraform validate`. Common causes are typos and names from other providers: hashicorp/aws spells `callback_urls` and `allowed_oauth_flows`, while awscc generates `callback_ur_ls` and `allowed_o_auth_flows` from the CloudFormation names.',
    fix: 'Rename to the suggested attribute.',
  },
  check({ index, report }) {
    for (const client of index.clients) {
      const attributes = client.schema.attributes;
      for (const attribute of client.block.body.items) {
        if (attribute.kind !== 'Attribute') continue;
        const name = attribute.name.name;
        if (!name || hasAttributeNamed(attributes, name) || META_ATTRIBUTES.has(name)) continue;
        const better = didYouMean(name, settableNames(attributes), OTHER_PROVIDER_NAMES);
        report(
          attribute.name,
          `\`${name}\` is not an argument of ${client.kind === 'data' ? 'data source' : 'resource'} \`${RESOURCE_TYPE}\`.${suggestion(better)}`,
          better ? [replaceFix(`Rename to \`${better}\``, attribute.name, better)] : undefined,
        );
      }
      for (const block of client.blocks) {
        const name = block.type.name;
        // Object attributes written as blocks have their own rule (CUP106).
        if (META_BLOCKS.has(name) || hasAttributeNamed(attributes, name)) continue;
        const better = didYouMean(name, settableNames(attributes), OTHER_PROVIDER_NAMES);
        report(block.type, `\`${RESOURCE_TYPE}\` has no nested block \`${name}\`.${suggestion(better)}`);
      }
    }
  },
};
