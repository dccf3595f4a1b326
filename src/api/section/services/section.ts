import { factories } from '@strapi/strapi';

import { SECTION_UID } from '../../../constants';

interface SectionNode {
  id: number;
  slug: string;
  parent: { id: number } | null;
}

export default factories.createCoreService(SECTION_UID, ({ strapi }) => ({
  /**
   * The ids of the section with this slug and of every section below it, or `null` when no
   * section has the slug. Sections are few: one query reads the whole tree.
   */
  async subtreeIds(slug: string): Promise<number[] | null> {
    const nodes: SectionNode[] = await strapi.db.query(SECTION_UID).findMany({
      select: ['id', 'slug'],
      populate: { parent: { select: ['id'] } },
    });
    const root = nodes.find((node) => node.slug === slug);
    if (!root) return null;
    const children = new Map<number, number[]>();
    nodes.forEach((node) => {
      if (node.parent)
        children.set(node.parent.id, [...(children.get(node.parent.id) ?? []), node.id]);
    });
    const ids = new Set<number>();
    const queue = [root.id];
    while (queue.length > 0) {
      const id = queue.shift() as number;
      if (ids.has(id)) continue;
      ids.add(id);
      queue.push(...(children.get(id) ?? []));
    }
    return [...ids];
  },
}));
