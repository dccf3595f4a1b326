import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

import { editViewPath } from '../views/api';
import { type Desk, DESK_URL, type DeskArticle, formatWhen } from './api';

const LISTS: Array<{ key: keyof Desk; title: string; empty: string }> = [
  { key: 'readyForReview', title: 'Ready for review', empty: 'Nothing waits for review.' },
  { key: 'scheduled', title: 'Scheduled', empty: 'Nothing is scheduled.' },
  { key: 'myDrafts', title: 'My drafts', empty: 'You have no unpublished article.' },
];

const Item = ({ article, list }: { article: DeskArticle; list: keyof Desk }) => (
  <Flex gap={2} justifyContent="space-between" tag="li">
    <Typography
      variant="omega"
      fontWeight="semiBold"
      tag={Link}
      to={editViewPath(article.documentId)}
      ellipsis
    >
      {article.title || 'Untitled'}
    </Typography>
    <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'nowrap' }}>
      {list === 'scheduled' && article.scheduledAt
        ? formatWhen(article.scheduledAt)
        : `edited ${formatWhen(article.updatedAt)}`}
    </Typography>
  </Flex>
);

/** The admin home page's "Desk": ready for review, scheduled, and the user's own drafts. */
export const DeskWidget = () => {
  const { get } = useFetchClient();
  const [desk, setDesk] = useState<Desk | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    get<{ data: Desk }>(DESK_URL)
      .then(({ data }) => current && setDesk(data.data))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get]);

  if (failed) return <Typography textColor="danger600">The desk could not be loaded.</Typography>;
  if (!desk) return <Loader small>Loading</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="desk-widget">
      {LISTS.map(({ key, title, empty }) => (
        <Box key={key} data-testid={`desk-${key}`}>
          <Typography variant="sigma" textColor="neutral600" tag="h3">
            {title} ({desk[key].length})
          </Typography>
          {desk[key].length === 0 ? (
            <Typography variant="pi" textColor="neutral500" tag="p">
              {empty}
            </Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={1} tag="ul" paddingTop={1}>
              {desk[key].map((article) => (
                <Item key={article.documentId} article={article} list={key} />
              ))}
            </Flex>
          )}
        </Box>
      ))}
    </Flex>
  );
};
