import type { ReactNode } from 'react';

import { type HeadData, jsonLdText, paths } from '../seo';
import type { SiteSettings } from '../settings';

export interface Chrome {
  site: SiteSettings;
  /** Top-level sections, for the masthead's navigation. */
  sections: Array<{ name: string; slug: string }>;
  /** `/news/assets/site.css?v=<hash>`: the URL changes with the file, so it may be cached for a year. */
  stylesheet: string;
  /** The article script's URL, on pages that run it. */
  script?: string;
  /** The section the page belongs to, marked in the navigation. */
  currentSection?: string;
}

/** The page around every reader page: head, masthead, footer. */
export const Document = ({
  head,
  chrome,
  children,
}: {
  head: HeadData;
  chrome: Chrome;
  children: ReactNode;
}) => {
  const { site } = chrome;
  return (
    <html lang={site.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        <meta name="description" content={head.description} />
        {head.robots ? <meta name="robots" content={head.robots} /> : null}
        <link rel="canonical" href={head.canonical} />
        {head.openGraph.map(([property, content], index) => (
          <meta key={`og${index}`} property={property} content={content} />
        ))}
        {head.twitter.map(([name, content]) => (
          <meta key={name} name={name} content={content} />
        ))}
        <meta name="theme-color" content="#ffffff" />
        <link rel="stylesheet" href={chrome.stylesheet} />
        {head.jsonLd ? (
          <script
            type="application/ld+json"
            // Data, not script (the CSP runs none inline); `<` is escaped by jsonLdText.
            dangerouslySetInnerHTML={{ __html: jsonLdText(head.jsonLd) }}
          />
        ) : null}
        {chrome.script ? <script src={chrome.script} defer /> : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="masthead">
          <div className="masthead-inner">
            <a className="brand" href={paths.home}>
              {site.logoUrl ? <img src={site.logoUrl} alt="" className="brand-logo" /> : null}
              <span className="brand-name">{site.publicationName}</span>
            </a>
            {chrome.sections.length > 0 ? (
              <nav className="sections-nav" aria-label="Sections">
                <ul>
                  {chrome.sections.map((section) => (
                    <li key={section.slug}>
                      <a
                        href={paths.section(section.slug)}
                        aria-current={chrome.currentSection === section.slug ? 'page' : undefined}
                      >
                        {section.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <footer className="footer">
          <div className="footer-inner">
            <p className="footer-brand">{site.publicationName}</p>
            {site.description ? <p className="footer-description">{site.description}</p> : null}
          </div>
        </footer>
      </body>
    </html>
  );
};
