import type { Core } from '@strapi/strapi';

import { SITE_SERVICE } from '../constants';
import { type Asset, type AssetName, loadAssets } from './assets';

/** The reader pages' state for one Strapi instance: their assets and their clock. */
export interface Site {
  assets: Record<AssetName, Asset>;
  /** "Last update: 3 days ago" is read on this clock. */
  now(): Date;
  /** Tests move time instead of waiting for it. */
  useClock(clock: () => Date): void;
}

export const createSite = (srcDir: string): Site => {
  let clock = () => new Date();
  return {
    assets: loadAssets(srcDir),
    now: () => clock(),
    useClock(next) {
      clock = next;
    },
  };
};

/** This instance's reader pages. */
export const siteOf = (strapi: Core.Strapi): Site => strapi.get<Site>(SITE_SERVICE);
