import { toPng } from 'html-to-image'

/** The margin around the report in its image, in CSS pixels. */
const REPORT_IMAGE_MARGIN = 24
/** What an SVG's parts take from the stylesheet (the theme's colours, the type). */
const SVG_STYLE = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight']

/**
 * Writes each SVG part's styles from the stylesheet onto the part itself, and returns how to undo
 * it: html-to-image copies an SVG as it is, without the styles its classes give it, so a chart would
 * come out black on black.
 */
function inlineSvgStyles(root: HTMLElement): () => void {
  const restores = [...root.querySelectorAll<SVGElement>('svg *')].map((part) => {
    const before = part.getAttribute('style')
    const computed = getComputedStyle(part)
    for (const name of SVG_STYLE) part.style.setProperty(name, computed.getPropertyValue(name))
    return () => (before === null ? part.removeAttribute('style') : part.setAttribute('style', before))
  })
  return () => restores.forEach((restore) => restore())
}

/**
 * The report as a PNG image to share, drawn from the page itself at twice its size (sharp on a
 * phone), on the page's own background with a margin. Returns the image in base64, as the API carries it.
 */
export async function reportImage(report: HTMLElement): Promise<string> {
  const restore = inlineSvgStyles(report)
  try {
    const url = await toPng(report, {
      pixelRatio: 2,
      width: report.offsetWidth + 2 * REPORT_IMAGE_MARGIN,
      height: report.offsetHeight + 2 * REPORT_IMAGE_MARGIN,
      style: { margin: '0', padding: `${REPORT_IMAGE_MARGIN}px`, boxSizing: 'content-box' },
      backgroundColor: getComputedStyle(document.body).backgroundColor,
      // The app uses the system's fonts: there are none to embed, and nothing to fetch.
      skipFonts: true
    })
    return url.slice(url.indexOf(',') + 1)
  } finally {
    restore()
  }
}
