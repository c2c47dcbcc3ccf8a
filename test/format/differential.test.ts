import { describe } from 'node:test';
import { differentialSuite } from './differential';

describe('formatter versus terraform fmt and hclwrite', () => differentialSuite({ randomDocuments: 40, generatedModules: 3, seed: 11 }));
