import { describe } from 'node:test';
import { differentialSuite } from './differential';

describe('formatter versus terraform fmt and hclwrite (long)', () => differentialSuite({ randomDocuments: 400, generatedModules: 20, seed: 5000 }));
