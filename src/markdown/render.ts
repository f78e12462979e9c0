// Markdown -> sanitized HTML for syllabus text shown on the site (raw HTML in the source is escaped, then sanitized).
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { isSafeLinkUrl } from '../contracts/safe-links.js';

/** The few entities markdown-it writes into attributes, decoded as a browser would read them. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'del',
    's',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
  },
  allowedStyles: {
    th: { 'text-align': [/^(left|right|center)$/] },
    td: { 'text-align': [/^(left|right|center)$/] },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    // Every link leaves without handing over the page (window.opener) or the referrer; a target
    // that is not http(s), mailto or relative (however encoded) loses its href.
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      const safe = href !== undefined && isSafeLinkUrl(decodeEntities(href));
      return { tagName, attribs: { ...rest, ...(safe ? { href } : {}), rel: 'noopener noreferrer' } };
    },
  },
};

/** Renders block Markdown (paragraphs, lists, tables) to sanitized HTML. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown), sanitizeOptions).trim();
}

/** Renders one line of Markdown without the surrounding <p> (for notes and sentences). */
export function renderInlineMarkdown(markdown: string): string {
  return sanitizeHtml(md.renderInline(markdown), sanitizeOptions).trim();
}

/**
 * The text a reader sees of rendered Markdown (what a browser's textContent gives for the HTML of
 * renderMarkdown): tags dropped, entities decoded. Comments on a summary quote this text.
 */
export function renderedText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}
