import { z } from '@strapi/utils';

/** A reader's page of a list: `page` from 1, `pageSize` from 1 to 50 (10 when not given). */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
};

export interface PageQuery {
  page: number;
  pageSize: number;
}

/** Strapi's `meta.pagination` for a page of `total` items. */
export const paginationOf = ({ page, pageSize }: PageQuery, total: number) => ({
  page,
  pageSize,
  pageCount: Math.ceil(total / pageSize),
  total,
});
