import type { MostReadEntry } from '../model';
import { paths } from '../seo';

const numberFormat = new Intl.NumberFormat('en');

/** The most-read box: the views room's ranking, as links. */
export const MostRead = ({
  entries,
  title = 'Most read',
}: {
  entries: MostReadEntry[];
  title?: string;
}) =>
  entries.length === 0 ? null : (
    <section className="most-read" aria-labelledby="most-read-title" data-testid="most-read">
      <h2 id="most-read-title" className="box-title">
        {title}
      </h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.documentId}>
            <a href={paths.article(entry.slug)}>{entry.title}</a>
            <span className="most-read-views">{numberFormat.format(entry.views)} views</span>
          </li>
        ))}
      </ol>
    </section>
  );
