import { expect, it } from '@jest/globals';
import * as rules from './index.js';

it('loads', () => expect(rules).toBeDefined());
