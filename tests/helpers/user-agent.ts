/** Plain Node (no Jest globals), so a `tsx` script (the soak) can use it too. */

import { createHash } from 'node:crypto';

/**
 * A browser's User-Agent (one `isbot` lets through), made distinct per visitor. The visitor goes
 * in as digits of its hash: a name with random letters in it (a document id) now and then spells
 * a word `isbot` takes for a crawler's (about 1 in 3,000 ids), and the view would not count.
 */
export const browserUserAgent = (visitor: number | string = 0): string =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 reader/${createHash('sha256').update(String(visitor)).digest().readUInt32BE(0)}`;
