type CardField =
  | 'title'
  | 'slug'
  | 'standfirst'
  | 'originallyPublishedAt'
  | 'readingTimeMinutes'
  | 'breaking'
  | 'breakingUntil';

/**
 * What a card in a list of articles shows (a tag's page, related articles, breaking news), as
 * Document Service `fields` and `populate`; `extra` fields besides.
 */
export const articleCard = (...extra: CardField[]) => ({
  fields: [
    'title',
    'slug',
    'standfirst',
    'originallyPublishedAt',
    'readingTimeMinutes',
    ...extra,
  ] as CardField[],
  populate: { section: { fields: ['name', 'slug'] as Array<'name' | 'slug'> }, cover: true },
});
