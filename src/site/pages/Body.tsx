import { type BlocksContent, BlocksRenderer } from '@strapi/blocks-react-renderer';
import type { ReactNode } from 'react';

/** An article's `body` (a Strapi blocks field). */
export type { BlocksContent };

/** Links a reader may follow: the web, mail, phone, and this site's own paths (never `javascript:`). */
const SAFE_URL = /^(?:https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;

export const safeUrl = (url: string | null | undefined): string | undefined =>
  url && SAFE_URL.test(url.trim()) ? url.trim() : undefined;

const HEADINGS = ['h2', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/**
 * The article's body through `@strapi/blocks-react-renderer`, every block type, with three
 * changes to its defaults: a link to an unsafe URL is plain text, a heading of level 1 is an
 * `<h2>` (the headline is the page's `<h1>`), and an image is a figure with its caption, size
 * and lazy loading.
 */
export const Body = ({ content }: { content: BlocksContent }) => (
  <BlocksRenderer
    content={content}
    blocks={{
      link: ({ url, children }: { url: string; children?: ReactNode }) => {
        const href = safeUrl(url);
        return href ? <a href={href}>{children}</a> : <span>{children}</span>;
      },
      heading: ({ level, children }) => {
        const Tag = HEADINGS[level - 1] ?? 'h6';
        return <Tag>{children}</Tag>;
      },
      image: ({ image }) => {
        const src = safeUrl(image.url);
        if (!src) return null;
        return (
          <figure className="body-figure">
            <img
              src={src}
              alt={image.alternativeText ?? ''}
              width={image.width || undefined}
              height={image.height || undefined}
              loading="lazy"
              decoding="async"
            />
            {image.caption ? <figcaption>{image.caption}</figcaption> : null}
          </figure>
        );
      },
      quote: ({ children }) => (
        <blockquote>
          <p>{children}</p>
        </blockquote>
      ),
    }}
  />
);
