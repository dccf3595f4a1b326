import { ARTICLE_UID } from '../views/api';
import { ViewsCell } from './ViewsCell';

interface ListHeader {
  name: string;
  [key: string]: unknown;
}

interface ColumnHookArgs {
  displayedHeaders: ListHeader[];
  layout: unknown;
}

export const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

/** The list page being shown is the articles' (the hook's arguments do not name the type). */
const showingArticles = () =>
  decodeURIComponent(window.location.pathname).includes(`/collection-types/${ARTICLE_UID}`);

/**
 * The content manager's list-view hook: a "Views" column on the article list, after the
 * configured columns. Views are not a field of the article: each cell asks the views API, one
 * request per page of rows (`views-batch.ts`).
 */
export const addViewsColumn = ({ displayedHeaders, layout }: ColumnHookArgs) => {
  if (!showingArticles() || displayedHeaders.some((header) => header.name === 'views')) {
    return { displayedHeaders, layout };
  }
  return {
    displayedHeaders: [
      ...displayedHeaders,
      {
        attribute: { type: 'integer' },
        name: 'views',
        label: { id: 'newsroom.list.views', defaultMessage: 'Views' },
        searchable: false,
        sortable: false,
        cellFormatter: (row: { documentId: string }) => <ViewsCell documentId={row.documentId} />,
      },
    ],
    layout,
  };
};
