// Markdown -> sanitized HTML for syllabus text shown on the site (raw HTML in the source is escaped, then sanitized).
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

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
    // Every link leaves without handing over the page (window.opener) or the referrer.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
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
