import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import type { ArticlePayload, MostReadEntry } from './model';
import { ArticlePage } from './pages/ArticlePage';
import { type Chrome, Document } from './pages/Document';
import { ListPage, type ListPageProps, NotFoundPage } from './pages/ListPage';
import { articleHead, type HeadData, listHead, unindexedHead } from './seo';

const html = (head: HeadData, chrome: Chrome, page: ReactElement): string =>
  `<!DOCTYPE html>${renderToStaticMarkup(
    <Document head={head} chrome={chrome}>
      {page}
    </Document>,
  )}`;

/** The article page (or a preview of one: `noindex`, no view recorded). */
export const renderArticle = (
  chrome: Chrome,
  {
    article,
    mostRead,
    now,
    preview = false,
  }: { article: ArticlePayload; mostRead: MostReadEntry[]; now: Date; preview?: boolean },
): string => {
  const head = articleHead(chrome.site, article);
  if (preview) head.robots = 'noindex, nofollow';
  return html(
    head,
    { ...chrome, currentSection: article.breadcrumb[0]?.slug },
    <ArticlePage
      article={article}
      canonical={head.canonical}
      now={now}
      language={chrome.site.language}
      mostRead={mostRead}
      preview={preview}
    />,
  );
};

/** A list page's data (its language comes from the site settings). */
export interface ListData extends Omit<ListPageProps, 'language'> {
  jobTitle?: string | null;
}

/** The home page, a section's or an author's: published articles newest first. */
export const renderList = (chrome: Chrome, data: ListData): string => {
  const { site } = chrome;
  const description =
    data.description ||
    (data.kind === 'home' ? site.description : `The latest from ${data.title}.`) ||
    site.publicationName;
  const head = listHead(site, {
    title: data.kind === 'home' ? site.publicationName : data.title,
    description,
    path: data.path,
    page: data.pagination.page,
    profile: data.kind === 'author' ? { name: data.title, jobTitle: data.jobTitle } : undefined,
  });
  return html(
    head,
    { ...chrome, currentSection: data.breadcrumb?.[0]?.slug },
    <ListPage {...data} language={site.language} />,
  );
};

/** The 404 page. */
export const renderNotFound = (chrome: Chrome, path: string): string =>
  html(unindexedHead(chrome.site, 'Page not found', path), chrome, <NotFoundPage />);
