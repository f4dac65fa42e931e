/**
 * Draws the two Teams app icons from inline SVG: `npm run icons` writes manifest/color.png
 * (192×192) and manifest/outline.png (32×32). The PNGs are committed, so packaging needs no
 * rendering; run this again only when the artwork changes.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ACCENT = '#1E6B8F';
const BADGE = '#F2A93B';

// One receipt glyph drawn on a 32-unit grid: 2-unit strokes on whole coordinates fill whole
// pixels in the 32×32 outline icon (crisp, not grey), and the colour icon is the same shape ×4.
const RECEIPT_EDGE = 'M9 4 H23 V27 L20.67 24.5 L18.33 27 L16 24.5 L13.67 27 L11.33 24.5 L9 27 Z';
const RECEIPT_LINES = 'M13 9 H19 M13 13 H19 M13 17 H16';

const colorSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <rect width="192" height="192" fill="${ACCENT}"/>
  <g transform="translate(96 96) scale(4) translate(-16 -16)" stroke-linecap="round" stroke-linejoin="round">
    <path d="${RECEIPT_EDGE}" fill="#FFFFFF"/>
    <path d="${RECEIPT_LINES}" stroke="${ACCENT}" stroke-width="1.6" fill="none"/>
    <circle cx="22.5" cy="22" r="5.2" fill="${BADGE}" stroke="${ACCENT}" stroke-width="1.2"/>
    <path d="M20.2 22.1 L21.9 23.8 L24.9 20.5" stroke="#FFFFFF" stroke-width="1.5" fill="none"/>
  </g>
</svg>`;

const outlineSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
  <g fill="none" stroke="#FFFFFF" stroke-linecap="round" stroke-linejoin="round">
    <path d="${RECEIPT_EDGE}" stroke-width="2"/>
    <path d="${RECEIPT_LINES}" stroke-width="2" stroke-linecap="butt"/>
  </g>
</svg>`;

async function renderColorIcon(): Promise<Buffer> {
  // Flattened so the colour icon has no alpha channel: Teams shows it on any background.
  return sharp(Buffer.from(colorSvg)).flatten({ background: ACCENT }).png().toBuffer();
}

/**
 * Teams requires the outline icon to be white on transparent. Anti-aliased edges come out of
 * the rasteriser with slightly off-white colour in half-covered pixels, so only the coverage
 * (alpha) is kept and every pixel is painted pure white.
 */
async function renderOutlineIcon(): Promise<Buffer> {
  const { data, info } = await sharp(Buffer.from(outlineSvg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const white = Buffer.alloc(info.width * info.height * 4);
  for (let px = 0; px < info.width * info.height; px++) {
    white[px * 4] = 255;
    white[px * 4 + 1] = 255;
    white[px * 4 + 2] = 255;
    white[px * 4 + 3] = data[px * info.channels + 3] ?? 0;
  }
  return sharp(white, { raw: { width: info.width, height: info.height, channels: 4 } })
    .png()
    .toBuffer();
}

const manifestDir = fileURLToPath(new URL('../manifest/', import.meta.url));
await writeFile(`${manifestDir}color.png`, await renderColorIcon());
await writeFile(`${manifestDir}outline.png`, await renderOutlineIcon());
console.log(`Wrote ${manifestDir}color.png and ${manifestDir}outline.png`);
