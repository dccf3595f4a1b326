import {
  Box,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

import { editViewPath, formatCount, mostReadUrl, type Period, type RankedArticle } from './api';

const PERIODS: Array<{ value: Period; label: string }> = [
  { value: 'day', label: 'Today' },
  { value: 'week', label: 'Last 7 days' },
  { value: 'month', label: 'Last 30 days' },
  { value: 'all', label: 'All time' },
];

/** The admin home page's "Most read" widget. */
export const MostReadWidget = () => {
  const { get } = useFetchClient();
  const [period, setPeriod] = useState<Period>('day');
  const [articles, setArticles] = useState<RankedArticle[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setArticles(null);
    setFailed(false);
    get<{ data: RankedArticle[] }>(mostReadUrl(period))
      .then(({ data }) => current && setArticles(data.data))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get, period]);

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <SingleSelect
        aria-label="Period"
        size="S"
        value={period}
        onChange={(value: string | number) => setPeriod(value as Period)}
      >
        {PERIODS.map(({ value, label }) => (
          <SingleSelectOption key={value} value={value}>
            {label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      {failed && (
        <Typography textColor="danger600">The most read articles could not be loaded.</Typography>
      )}
      {!failed && articles === null && <Loader small>Loading</Loader>}
      {articles?.length === 0 && (
        <Typography textColor="neutral600">No views in this period yet.</Typography>
      )}
      {articles?.map((article, index) => (
        <Flex key={article.documentId} gap={2} justifyContent="space-between">
          <Box>
            <Typography
              variant="omega"
              fontWeight="bold"
              tag={Link}
              to={editViewPath(article.documentId)}
            >
              {index + 1}. {article.title}
            </Typography>
            {article.section && (
              <Typography variant="pi" textColor="neutral600">
                {' '}
                · {article.section.name}
              </Typography>
            )}
          </Box>
          <Typography variant="omega" textColor="neutral800" data-testid="most-read-views">
            {formatCount(article.views)}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};
