import { Eye } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';

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
  },
};
