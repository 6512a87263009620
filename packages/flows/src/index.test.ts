import { expect, it } from '@jest/globals';
import * as flows from './index.js';

it('loads', () => expect(flows).toBeDefined());
