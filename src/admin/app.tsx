import { Eye, Feather } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';

import { addViewsColumn, INJECT_COLUMN_IN_TABLE } from './list/views-column';
import { RevisionsPanel } from './revisions/RevisionsPanel';
import { ARTICLE_UID } from './views/api';
import { ViewsPanel } from './views/ViewsPanel';

interface ContentManagerApis {
  addEditViewSidePanel(panels: Array<typeof ViewsPanel>): void;
}

export default {
  config: {
    locales: [],
    tutorials: false,
    notifications: { releases: false },
  },

  register(app: StrapiApp) {
    app.widgets.register({
      id: 'desk',
      icon: Feather,
      title: { id: 'newsroom.widgets.desk', defaultMessage: 'Desk' },
      component: async () => (await import('./desk/DeskWidget')).DeskWidget,
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: ARTICLE_UID }],
    });
    app.widgets.register({
      id: 'most-read',
      icon: Eye,
      title: { id: 'newsroom.widgets.most-read', defaultMessage: 'Most read' },
      component: async () => (await import('./views/MostReadWidget')).MostReadWidget,
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: ARTICLE_UID }],
    });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: ContentManagerApis;
    };
    contentManager.apis.addEditViewSidePanel([ViewsPanel]);
    contentManager.apis.addEditViewSidePanel([RevisionsPanel]);
    app.registerHook(INJECT_COLUMN_IN_TABLE, addViewsColumn);
  },
};
