import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A file the pages link to, read once at boot, with the version its URL carries. */
export interface Asset {
  body: Buffer;
  type: string;
  /** First characters of the content's SHA-256: a changed file gets a new URL. */
  version: string;
  /** `/news/assets/<name>?v=<version>`. */
  url: string;
}

export const ASSET_PREFIX = '/news/assets';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** The files of `src/site/assets` the pages use (a fixed list: nothing else is served). */
export const ASSET_NAMES = ['site.css', 'article.js'] as const;
export type AssetName = (typeof ASSET_NAMES)[number];

/**
 * Reads the assets from the app's `src/site/assets` (tsc copies no CSS nor browser script to
 * `dist/`; `strapi.dirs.app.src` is the source folder in development and in production).
 */
export const loadAssets = (srcDir: string): Record<AssetName, Asset> =>
  Object.fromEntries(
    ASSET_NAMES.map((name) => {
      const body = readFileSync(path.join(srcDir, 'site', 'assets', name));
      const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
      const asset: Asset = {
        body,
        type: TYPES[path.extname(name)],
        version,
        url: `${ASSET_PREFIX}/${name}?v=${version}`,
      };
      return [name, asset];
    }),
  ) as Record<AssetName, Asset>;
