/** Text for HTML and SVG: the five characters that could end a text node or an attribute, as entities. */
export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number for an SVG attribute: at most one decimal, so the same plan gives the same bytes. */
export const n = (x: number) => String(Math.round(x * 10) / 10);

export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${esc(content)}</text>`;
}

export function svgOpen(width: number, height: number, title: string, id: string): string {
  return `<svg id="${esc(id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>`;
}
