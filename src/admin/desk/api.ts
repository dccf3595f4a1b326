/** The admin-authenticated Desk route (`src/admin-panel/routes.ts`). */
export type { Desk, DeskArticle } from '../../admin-panel/desk';

export const DESK_URL = '/newsroom-desk/desk';

export const formatWhen = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
