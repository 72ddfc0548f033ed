import sanitizeHtml from 'sanitize-html';
import { NOTICE_BODY_MAX, NOTICE_IMAGE_SCHEME } from '../contract/notices';

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'u', 's', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'a', 'img'];
/** Content that would run or load something on a resident's phone: refused outright, never quietly dropped, so the drafter knows. */
const REFUSED_TAGS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'link', 'meta', 'base', 'video', 'audio', 'source', 'frame', 'frameset']);
const IMAGE_SRC = new RegExp(`^${NOTICE_IMAGE_SCHEME}([0-9a-f]{64})$`);

export type Sanitized = { ok: true; html: string; images: string[] } | { ok: false; reason: string };

/**
 * A body as terminals may render it: the allowlisted subset of HTML that
 * the composer makes. Formatting a paste brings along (span, div, classes,
 * styles) is dropped; scripts, frames, images from elsewhere and links that
 * are not https are refused with the reason, since they mean the body was
 * not made by the composer.
 */
export function sanitizeBody(html: string, language: string): Sanitized {
  if (html.length > NOTICE_BODY_MAX) return { ok: false, reason: `body (${language}): ${html.length} characters, over ${NOTICE_BODY_MAX}` };
  const refusals: string[] = [];
  const images: string[] = [];
  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
    allowedSchemesByTag: { a: ['https'], img: ['vigil-image'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: [...REFUSED_TAGS, 'textarea', 'option', 'noscript', 'title'],
    onOpenTag: (tag, attributes) => {
      if (REFUSED_TAGS.has(tag)) refusals.push(`<${tag}> is not allowed`);
      if (tag === 'img') {
        const hash = IMAGE_SRC.exec(attributes.src ?? '')?.[1];
        if (hash) images.push(hash);
        else refusals.push(`an image must be uploaded to Vigil (src ${NOTICE_IMAGE_SCHEME}<sha256>), not ${JSON.stringify((attributes.src ?? '').slice(0, 60))}`);
      }
      if (tag === 'a' && attributes.href !== undefined && !/^https:\/\/[^\s]+$/i.test(attributes.href)) refusals.push(`a link must be https://, not ${JSON.stringify(attributes.href.slice(0, 60))}`);
    },
  });
  if (refusals.length) return { ok: false, reason: `body (${language}): ${[...new Set(refusals)].join('; ')}` };
  if (!clean.replace(/<[^>]*>/g, '').trim() && !images.length) return { ok: false, reason: `body (${language}): empty` };
  return { ok: true, html: clean, images: [...new Set(images)] };
}

/** The text of a body, for search. */
export function textOf(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
}
