import type { Core } from '@strapi/strapi';

import { ADMIN_LAYOUTS, type TypeLayout } from '../admin-panel/labels';

interface Metadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown; [key: string]: unknown };
}

interface ContentTypesService {
  findConfiguration(contentType: { uid: string }): Promise<Configuration>;
  updateConfiguration(contentType: { uid: string }, configuration: Configuration): Promise<unknown>;
}

/** What this step last wrote, per type and setting: `"<path>": value`. */
type Applied = Record<string, Record<string, unknown>>;

const STORE_KEY = { type: 'plugin', name: 'newsroom', key: 'admin-layout' } as const;

/** Every setting one layout makes, as `path -> value` (paths into the configuration). */
const wantedSettings = (
  layout: TypeLayout,
  attributes: Record<string, unknown>,
): Map<string, unknown> => {
  const wanted = new Map<string, unknown>();
  const has = (field: string) => field in attributes;
  for (const [field, text] of Object.entries(layout.fields)) {
    if (!has(field)) continue;
    wanted.set(`metadatas.${field}.edit.label`, text.label);
    wanted.set(`metadatas.${field}.list.label`, text.label);
    if (text.hint !== undefined) wanted.set(`metadatas.${field}.edit.description`, text.hint);
    if (text.editable === false) wanted.set(`metadatas.${field}.edit.editable`, false);
  }
  for (const [field, mainField] of Object.entries(layout.relationMainFields ?? {})) {
    if (!has(field)) continue;
    wanted.set(`metadatas.${field}.edit.mainField`, mainField);
    wanted.set(`metadatas.${field}.list.mainField`, mainField);
  }
  if (layout.list) wanted.set('layouts.list', layout.list.filter(has));
  if (layout.mainField && has(layout.mainField)) wanted.set('settings.mainField', layout.mainField);
  if (layout.sort && has(layout.sort.by)) {
    wanted.set('settings.defaultSortBy', layout.sort.by);
    wanted.set('settings.defaultSortOrder', layout.sort.order);
  }
  return wanted;
};

const getIn = (target: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], target);

const setIn = (target: object, path: string, value: unknown): void => {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target as Record<string, unknown>;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Labels, hints, list columns, main fields and default sort of the newsroom's types in the
 * content manager (the words are in src/admin-panel/labels.ts), set through the content
 * manager's own configuration service at every boot.
 *
 * Idempotent, and an editor's own change wins: what this step wrote is remembered in Strapi's
 * store, and a setting is written only the first time, or when it still holds what this step
 * wrote last (so a new wording reaches untouched settings, and a label an administrator changed
 * under Configure the view is left alone). Fields a type lacks are skipped.
 */
export const applyAdminLayouts = async (strapi: Core.Strapi): Promise<void> => {
  const service = strapi.plugin('content-manager').service('content-types') as ContentTypesService;
  const store = strapi.store(STORE_KEY);
  const applied = ((await store.get({})) as Applied | null) ?? {};
  let storeChanged = false;

  for (const layout of ADMIN_LAYOUTS) {
    const contentType = strapi.contentTypes[layout.uid as keyof typeof strapi.contentTypes];
    if (!contentType) continue;
    const contentTypeRef = { uid: layout.uid };
    const configuration = await service.findConfiguration(contentTypeRef);
    const before = applied[layout.uid];
    const now: Record<string, unknown> = {};
    let changed = false;

    for (const [path, value] of wantedSettings(layout, contentType.attributes)) {
      now[path] = value;
      const current = getIn(configuration, path);
      const untouched = before === undefined || !(path in before) || same(current, before[path]);
      if (untouched && !same(current, value)) {
        setIn(configuration, path, value);
        changed = true;
      }
    }
    if (changed) {
      const { settings, metadatas, layouts } = configuration;
      await service.updateConfiguration(contentTypeRef, { settings, metadatas, layouts });
    }
    if (!same(before, now)) {
      applied[layout.uid] = now;
      storeChanged = true;
    }
  }
  if (storeChanged) await store.set({ value: applied });
};
