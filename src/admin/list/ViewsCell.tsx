import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

import { formatCount } from '../views/api';
import { viewsTotal } from './views-batch';

/** One row's total views in the article list (asked together with the page's other rows). */
export const ViewsCell = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const [views, setViews] = useState<number | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    void viewsTotal(get, documentId).then((total) => current && setViews(total));
    return () => {
      current = false;
    };
  }, [get, documentId]);

  return (
    <Typography textColor="neutral800" data-testid="list-views">
      {views === undefined ? '…' : views === null ? '-' : formatCount(views)}
    </Typography>
  );
};
