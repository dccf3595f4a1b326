import {
  ARTICLE_UID,
  AUTHOR_UID,
  PUBLICATION_LOG_UID,
  SECTION_UID,
  SITE_SETTING_UID,
  TAG_UID,
} from '../constants';

/** A field's label and hint in the admin, and whether its edit view may change it. */
export interface FieldText {
  label: string;
  hint?: string;
  /** `false`: shown, never editable in the edit view (the server sets it). */
  editable?: false;
}

/** How a content type reads in the content manager: labels, list columns, main field, sort. */
export interface TypeLayout {
  uid: string;
  fields: Record<string, FieldText>;
  /** The list view's columns, in order (fields the type lacks are skipped). */
  list?: string[];
  mainField?: string;
  /** The list's default order. */
  sort?: { by: string; order: 'ASC' | 'DESC' };
  /** What a relation to another type shows of it (its name, not its id). */
  relationMainFields?: Record<string, string>;
}

/**
 * The words an editor reads in the admin, for every field of the newsroom's types (and for the
 * fields other parts of the desk add: notes to readers (corrections), tags, related articles, breaking news; a field
 * a type lacks is skipped). Applied by the boot step `admin layout` (src/setup/admin-layout.ts).
 */
export const ADMIN_LAYOUTS: TypeLayout[] = [
  {
    uid: ARTICLE_UID,
    mainField: 'title',
    sort: { by: 'updatedAt', order: 'DESC' },
    list: ['title', 'section', 'authors', 'readyForReview', 'scheduledAt', 'updatedAt'],
    relationMainFields: {
      section: 'name',
      authors: 'name',
      tags: 'name',
      relatedPinned: 'title',
    },
    fields: {
      title: { label: 'Headline', hint: 'What readers see first. Up to 200 characters.' },
      slug: {
        label: 'Web address (slug)',
        hint: 'The end of the article’s address: /news/<slug>. Made from the headline; an old address keeps redirecting after a change.',
      },
      standfirst: {
        label: 'Standfirst',
        hint: 'The one or two sentences under the headline that sum the story up.',
      },
      body: { label: 'Story', hint: 'The article itself.' },
      cover: { label: 'Main picture', hint: 'Shown at the top of the page and in lists.' },
      section: {
        label: 'Section',
        hint: 'Where the article belongs (World, Politics...). Needed to publish.',
      },
      authors: {
        label: 'Byline',
        hint: 'Who wrote it, in the order the byline shows. At least one to publish.',
      },
      readingTimeMinutes: {
        label: 'Reading time (minutes)',
        hint: 'Worked out from the body on every save (200 words a minute)',
        editable: false,
      },
      originallyPublishedAt: {
        label: 'First published',
        hint: 'Set when the article is first published; never changes after',
        editable: false,
      },
      scheduledAt: {
        label: 'Publish automatically at',
        hint: 'Editors only. Leave empty to publish by hand.',
      },
      readyForReview: {
        label: 'Ready for review',
        hint: 'Turn on when the draft is ready for an editor to check and publish.',
      },
      seo: {
        label: 'Search and social',
        hint: 'What search engines and social cards show; the headline and standfirst are used when empty.',
      },
      notes: {
        label: 'Corrections and updates',
        hint: 'Dated notes shown under the article. Editors only once it is published.',
      },
      lastSubstantiveUpdateAt: {
        label: 'Last real update',
        hint: 'Moved by a correction or update note, not by typo fixes; the page’s "Last update".',
        editable: false,
      },
      tags: { label: 'Tags', hint: 'Topics: each has its own page and links related articles.' },
      relatedPinned: {
        label: 'Related articles (pinned)',
        hint: 'Shown first under the article, in this order; the rest are found by tags and section.',
      },
      breaking: {
        label: 'Breaking news',
        hint: 'Editors only. Shown in the breaking-news strip until the time below.',
      },
      breakingUntil: {
        label: 'Breaking until',
        hint: 'Editors only. After this time the article is no longer breaking news.',
      },
      createdAt: { label: 'Created' },
      updatedAt: { label: 'Last update' },
      publishedAt: { label: 'Published' },
      createdBy: { label: 'Created by' },
      updatedBy: { label: 'Last edited by' },
    },
  },
  {
    uid: SECTION_UID,
    mainField: 'name',
    sort: { by: 'name', order: 'ASC' },
    list: ['name', 'slug', 'parent', 'position'],
    relationMainFields: { parent: 'name', children: 'name', articles: 'title' },
    fields: {
      name: { label: 'Name', hint: 'As readers see it in menus and breadcrumbs. Unique.' },
      slug: { label: 'Web address (slug)', hint: 'The section page is /news/section/<slug>.' },
      description: { label: 'Description', hint: 'A sentence for the section page and search.' },
      parent: {
        label: 'Inside section',
        hint: 'Leave empty for a top section; e.g. Europe inside World.',
      },
      children: { label: 'Sections inside', hint: 'Set from each sub-section’s "Inside section".' },
      position: { label: 'Menu position', hint: 'Lower numbers come first. 0 by default.' },
      articles: { label: 'Articles', hint: 'Set from each article’s Section.' },
      createdAt: { label: 'Created' },
      updatedAt: { label: 'Last update' },
    },
  },
  {
    uid: AUTHOR_UID,
    mainField: 'name',
    sort: { by: 'name', order: 'ASC' },
    list: ['name', 'jobTitle', 'slug', 'articles'],
    relationMainFields: { articles: 'title' },
    fields: {
      name: { label: 'Name', hint: 'As the byline shows it.' },
      slug: { label: 'Web address (slug)', hint: 'The author page is /news/author/<slug>.' },
      jobTitle: { label: 'Job title', hint: 'e.g. Europe correspondent.' },
      bio: { label: 'Biography', hint: 'A few sentences for the author page.' },
      avatar: { label: 'Portrait', hint: 'A square picture works best.' },
      email: { label: 'Email', hint: 'For the desk only: never shown to readers.' },
      articles: { label: 'Articles', hint: 'Set from each article’s Byline.' },
      createdAt: { label: 'Created' },
      updatedAt: { label: 'Last update' },
    },
  },
  {
    uid: PUBLICATION_LOG_UID,
    mainField: 'articleTitle',
    sort: { by: 'at', order: 'DESC' },
    list: ['at', 'actor', 'action', 'articleTitle', 'note'],
    fields: {
      action: {
        label: 'What',
        hint: 'publish, unpublish, scheduled-publish, or scheduled-publish-refused.',
        editable: false,
      },
      articleDocumentId: {
        label: 'Article id',
        hint: 'The article’s document id: filter by it to see one article’s history.',
        editable: false,
      },
      articleTitle: { label: 'Article', hint: 'Its headline at the time.', editable: false },
      actor: {
        label: 'Who',
        hint: 'An admin user, an API token or the Scheduler.',
        editable: false,
      },
      actorId: {
        label: 'Admin user id',
        hint: 'Empty for an API token or the Scheduler.',
        editable: false,
      },
      at: { label: 'When', hint: 'When it happened.', editable: false },
      note: { label: 'Note', hint: 'Why a scheduled publish was refused.', editable: false },
      createdAt: { label: 'Logged' },
      updatedAt: { label: 'Last update' },
    },
  },
  {
    uid: SITE_SETTING_UID,
    fields: {
      publicationName: {
        label: 'Publication name',
        hint: 'Shown on every page, in feeds and in search results.',
      },
      description: {
        label: 'Description',
        hint: 'One sentence about the publication, for the home page, feeds and search.',
      },
      language: { label: 'Language', hint: 'A language code such as en, fr or pt-BR.' },
      publicUrl: {
        label: 'Public address',
        hint: 'Where readers find the site, e.g. https://news.example.com (no slash at the end).',
      },
      logo: { label: 'Logo', hint: 'Shown in the page header and in structured data.' },
      defaultSocialImage: {
        label: 'Default social image',
        hint: 'Used by social cards when an article has no picture.',
      },
      updatedAt: { label: 'Last update' },
    },
  },
  {
    uid: TAG_UID,
    mainField: 'name',
    list: ['name', 'slug', 'updatedAt'],
    relationMainFields: { articles: 'title' },
    fields: {
      name: { label: 'Name', hint: 'The topic as readers see it (Elections, Climate...). Unique.' },
      slug: {
        label: 'Web address (slug)',
        hint: 'The end of the tag page’s address: /api/tags/slug/<slug>. Made from the name.',
      },
      description: {
        label: 'Description',
        hint: 'A sentence or two about the topic, for its page.',
      },
      articles: {
        label: 'Articles',
        hint: 'The articles with this tag; set tags from the article instead.',
      },
      updatedAt: { label: 'Last update' },
    },
  },
];
