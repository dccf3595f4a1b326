import { type ArticlePayload, lastUpdateOf, type MostReadEntry } from '../model';
import { paths } from '../seo';
import { fullDate, relativeTime } from '../time';
import { Body } from './Body';
import { MostRead } from './MostRead';

const numberFormat = new Intl.NumberFormat('en');

/** Plain share links: addresses of the services' own share pages, no script of theirs. */
const shareLinks = (url: string, title: string) => {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { label: 'Email', href: `mailto:?subject=${t}&body=${u}` },
    { label: 'X', href: `https://twitter.com/intent/tweet?url=${u}&text=${t}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'WhatsApp', href: `https://wa.me/?text=${t}%20${u}` },
  ];
};

/**
 * The article page (the DOM contract in docs/site.md: the `data-testid`s are what the browser
 * tests read). `now` is the clock "Last update" is read on; `preview` marks a draft shown to its
 * editors (no view recorded, a banner).
 */
export const ArticlePage = ({
  article,
  canonical,
  now,
  language,
  mostRead,
  preview = false,
}: {
  article: ArticlePayload;
  canonical: string;
  now: Date;
  language: string;
  mostRead: MostReadEntry[];
  preview?: boolean;
}) => {
  const lastUpdate = lastUpdateOf(article);
  const authors = article.authors ?? [];
  const minutes = article.readingTimeMinutes ?? 1;
  return (
    <div className={mostRead.length > 0 ? 'layout' : 'layout layout-single'}>
      <article
        className="article"
        data-document-id={article.documentId}
        data-preview={preview ? 'true' : undefined}
      >
        {preview ? (
          <p className="preview-banner" role="note">
            Preview of an unpublished version: readers do not see this page.
          </p>
        ) : null}
        <nav className="breadcrumb" aria-label="Breadcrumb" data-testid="breadcrumb">
          <ol>
            <li>
              <a href="/">Home</a>
            </li>
            {article.breadcrumb.map((crumb) => (
              <li key={crumb.documentId}>
                <a href={paths.section(crumb.slug)}>{crumb.name}</a>
              </li>
            ))}
            <li aria-current="page">{article.title}</li>
          </ol>
        </nav>
        <header className="article-header">
          {article.section ? (
            <a
              className="section-label"
              data-testid="section-label"
              href={paths.section(article.section.slug)}
            >
              {article.section.name}
            </a>
          ) : null}
          <h1 className="headline" data-testid="headline">
            {article.title}
          </h1>
          {article.standfirst ? (
            <p className="standfirst" data-testid="standfirst">
              {article.standfirst}
            </p>
          ) : null}
          {authors.length > 0 ? (
            <p className="byline" data-testid="byline">
              <span className="byline-by">By </span>
              {authors.map((author, index) => (
                <span key={author.documentId}>
                  {index > 0 ? (index === authors.length - 1 ? ' and ' : ', ') : null}
                  <a data-testid="byline-author" href={paths.author(author.slug)}>
                    {author.name}
                  </a>
                </span>
              ))}
            </p>
          ) : null}
          <div className="meta">
            <p className="meta-line">
              <span data-testid="last-update">
                Last update:{' '}
                <time dateTime={lastUpdate.toISOString()} title={fullDate(lastUpdate, language)}>
                  {relativeTime(lastUpdate, now, language)}
                </time>
              </span>
              <span className="meta-sep" aria-hidden="true">
                ·
              </span>
              <span data-testid="reading-time">{minutes} min read</span>
              <span className="meta-sep" aria-hidden="true">
                ·
              </span>
              <span data-testid="views" data-views={article.views}>
                {numberFormat.format(article.views)} Views
              </span>
            </p>
            <div className="share">
              <button
                type="button"
                className="share-button"
                data-testid="share"
                data-share-url={canonical}
                data-share-title={article.title}
              >
                <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
                  <path
                    d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z"
                    fill="currentColor"
                  />
                </svg>
                Share
              </button>
              <span className="share-status" role="status" aria-live="polite" />
              <ul className="share-links" aria-label="Share this article">
                {shareLinks(canonical, article.title).map((link) => (
                  <li key={link.label}>
                    <a href={link.href} rel="noopener noreferrer">
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </header>
        {article.cover?.url ? (
          <figure className="cover">
            <img
              src={article.cover.url}
              alt={article.cover.alternativeText ?? ''}
              width={article.cover.width ?? undefined}
              height={article.cover.height ?? undefined}
            />
            {article.cover.caption ? <figcaption>{article.cover.caption}</figcaption> : null}
          </figure>
        ) : null}
        <div className="article-body" data-testid="article-body">
          <Body content={article.body ?? []} />
        </div>
      </article>
      {mostRead.length > 0 ? (
        <aside className="sidebar">
          <MostRead entries={mostRead} />
        </aside>
      ) : null}
    </div>
  );
};
