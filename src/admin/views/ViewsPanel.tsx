import { Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

import { ARTICLE_UID, type ArticleViews, articleViewsUrl, formatCount, type Period } from './api';

const ROWS: Array<{ period: Period; label: string }> = [
  { period: 'all', label: 'All time' },
  { period: 'day', label: 'Today' },
  { period: 'week', label: 'Last 7 days' },
  { period: 'month', label: 'Last 30 days' },
];

const ViewCounts = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const [views, setViews] = useState<ArticleViews['views'] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    get<{ data: ArticleViews }>(articleViewsUrl(documentId))
      .then(({ data }) => current && setViews(data.data.views))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get, documentId]);

  if (failed) return <Typography textColor="danger600">Views could not be loaded.</Typography>;
  if (!views) return <Loader small>Loading</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} width="100%">
      {ROWS.map(({ period, label }) => (
        <Flex key={period} justifyContent="space-between">
          <Typography variant="pi" textColor="neutral600">
            {label}
          </Typography>
          <Typography variant="pi" fontWeight="bold" data-testid={`views-${period}`}>
            {formatCount(views[period])}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};

interface PanelProps {
  model: string;
  documentId?: string;
}

/** A "Views" panel in the article's edit view (saved articles only). */
export const ViewsPanel = ({ model, documentId }: PanelProps) => {
  if (model !== ARTICLE_UID || !documentId) return null;
  return { title: 'Views', content: <ViewCounts documentId={documentId} /> };
};
