import type { ArticleSummary, Crumb, MostReadEntry, Pagination } from '../model';
import { paths } from '../seo';
import { fullDate, relativeTime } from '../time';
import { MostRead } from './MostRead';

const Card = ({
  article,
  now,
  language,
}: {
  article: ArticleSummary;
  now: Date;
  language: string;
}) => {
  const published = article.originallyPublishedAt ?? article.publishedAt;
  const authors = article.authors ?? [];
  return (
    <li className="card">
      {article.section ? (
        <a className="card-section" href={paths.section(article.section.slug)}>
          {article.section.name}
        </a>
      ) : null}
      <h2 className="card-title">
        <a href={paths.article(article.slug)}>{article.title}</a>
      </h2>
      {article.standfirst ? <p className="card-standfirst">{article.standfirst}</p> : null}
      <p className="card-meta">
        {authors.length > 0 ? (
          <span className="card-authors">{authors.map((author) => author.name).join(', ')}</span>
        ) : null}
        {published ? (
          <time
            dateTime={new Date(published).toISOString()}
            title={fullDate(new Date(published), language)}
          >
            {relativeTime(new Date(published), now, language)}
          </time>
        ) : null}
        {article.readingTimeMinutes ? <span>{article.readingTimeMinutes} min read</span> : null}
      </p>
    </li>
  );
};

/** Newer and older pages, as links (`?page=`), with `rel` for crawlers. */
const Pager = ({ path, pagination }: { path: string; pagination: Pagination }) => {
  if (pagination.pageCount <= 1) return null;
  const href = (page: number) => (page === 1 ? path : `${path}?page=${page}`);
  const { page, pageCount } = pagination;
  return (
    <nav className="pager" aria-label="Pages" data-testid="pagination">
      {page > 1 ? (
        <a rel="prev" href={href(page - 1)}>
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span className="pager-status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={href(page + 1)}>
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
};

/** What a list page shows; `render.tsx`'s `ListData` is this with the author's job title. */
export interface ListPageProps {
  kind: 'home' | 'section' | 'author';
  title: string;
  description?: string | null;
  path: string;
  breadcrumb?: Crumb[];
  articles: ArticleSummary[];
  pagination: Pagination;
  mostRead: MostReadEntry[];
  now: Date;
  language: string;
}

/**
 * A list of published articles, newest first: the home page, a section's, an author's. The
 * breadcrumb is there for sections (their chain of parents).
 */
export const ListPage = ({
  kind,
  title,
  description,
  path,
  breadcrumb,
  articles,
  pagination,
  mostRead,
  now,
  language,
}: ListPageProps) => (
  <div className="layout">
    <div className="list">
      {breadcrumb ? (
        <nav className="breadcrumb" aria-label="Breadcrumb" data-testid="breadcrumb">
          <ol>
            <li>
              <a href="/">Home</a>
            </li>
            {breadcrumb.slice(0, -1).map((crumb) => (
              <li key={crumb.documentId}>
                <a href={paths.section(crumb.slug)}>{crumb.name}</a>
              </li>
            ))}
            <li aria-current="page">{title}</li>
          </ol>
        </nav>
      ) : null}
      <header className={`list-header list-header-${kind}`}>
        {kind === 'author' ? <p className="list-kicker">Author</p> : null}
        <h1 className="list-title" data-testid="list-title">
          {title}
        </h1>
        {description ? <p className="list-description">{description}</p> : null}
      </header>
      {articles.length === 0 ? (
        <p className="empty">No published article here yet.</p>
      ) : (
        <ol className="cards" data-testid="article-list">
          {articles.map((article) => (
            <Card key={article.documentId} article={article} now={now} language={language} />
          ))}
        </ol>
      )}
      <Pager path={path} pagination={pagination} />
    </div>
    <aside className="sidebar">
      <MostRead entries={mostRead} />
    </aside>
  </div>
);

/** The 404 page. */
export const NotFoundPage = () => (
  <div className="not-found">
    <p className="section-label">Error 404</p>
    <h1 className="headline">Page not found</h1>
    <p className="standfirst">
      This page does not exist, or it is no longer published. The latest news is on the{' '}
      <a href={paths.home}>front page</a>.
    </p>
  </div>
);
