/**
 * Draws a receipt from lines of text with @napi-rs/canvas and "photographs" it through sharp: the
 * slip lies on a table, a little turned, out of focus, under a shadow, with sensor noise and JPEG
 * loss. Every random choice comes from a seeded generator, so the same seed gives the same bytes
 * (with the same fonts and sharp/libvips build).
 */
import { GlobalFonts, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';

/** One printed line: left text, right text (a price), or one centred text. */
export interface SlipLine {
  left?: string;
  right?: string;
  centre?: string;
  /** Font size relative to the body text (1 = body). */
  size?: number;
  bold?: boolean;
}

export interface Camera {
  seed: number;
  /** Turn of the slip on the table, degrees. */
  degrees: number;
  /** Gaussian blur sigma of the lens, in pixels of the photo. */
  blur: number;
  /** How dark the shadow across one side gets (0–1). */
  shadow: number;
  /** Amplitude of the per-pixel sensor noise (0–255). */
  noise: number;
  quality: number;
}

const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation'];
let fontsLoaded = false;

/** Thermal printers print a monospaced font; DejaVu Sans Mono stands in for it. */
function loadFonts(): void {
  if (fontsLoaded) return;
  for (const dir of FONT_DIRS) GlobalFonts.loadFontsFromDir(dir);
  fontsLoaded = true;
}

/** mulberry32: small, seeded, and the same on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WIDTH = 620;
const MARGIN = 34;
const BODY = 22;

function font(line: SlipLine): string {
  const px = Math.round(BODY * (line.size ?? 1));
  return `${line.bold ? 'bold ' : ''}${px}px "DejaVu Sans Mono"`;
}

function drawLine(ctx: SKRSContext2D, line: SlipLine, y: number): void {
  ctx.font = font(line);
  if (line.centre !== undefined) {
    ctx.textAlign = 'center';
    ctx.fillText(line.centre, WIDTH / 2, y);
  }
  if (line.left !== undefined) {
    ctx.textAlign = 'left';
    ctx.fillText(line.left, MARGIN, y);
  }
  if (line.right !== undefined) {
    ctx.textAlign = 'right';
    ctx.fillText(line.right, WIDTH - MARGIN, y);
  }
}

/** The slip as a PNG: white paper, near-black print, a torn-looking bottom edge. */
export function renderSlip(lines: SlipLine[]): Buffer {
  loadFonts();
  const heights = lines.map((l) => Math.round(BODY * (l.size ?? 1) * 1.45));
  const height = MARGIN * 2 + heights.reduce((s, h) => s + h, 0);
  const canvas = createCanvas(WIDTH, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fbfaf6';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#1d1d1f';
  ctx.textBaseline = 'alphabetic';
  let y = MARGIN;
  lines.forEach((line, i) => {
    y += heights[i] ?? 0;
    drawLine(ctx, line, y - Math.round(BODY * 0.35));
  });
  return canvas.toBuffer('image/png');
}

/** A picture with no text at all: a house, a tree and the sun, for "this is not a receipt". */
export function renderPicture(seed: number): Buffer {
  const random = seeded(seed);
  const canvas = createCanvas(900, 680);
  const ctx = canvas.getContext('2d');
  const sky = ctx.createLinearGradient(0, 0, 0, 420);
  sky.addColorStop(0, '#7db7e8');
  sky.addColorStop(1, '#d9ecf7');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, 900, 680);
  ctx.fillStyle = '#5f9e4a';
  ctx.fillRect(0, 420, 900, 260);
  ctx.fillStyle = '#f4c542';
  ctx.beginPath();
  ctx.arc(720, 120, 60, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#b5452f';
  ctx.fillRect(220, 300, 260, 180);
  ctx.fillStyle = '#6b3a2a';
  ctx.beginPath();
  ctx.moveTo(200, 300);
  ctx.lineTo(350, 190);
  ctx.lineTo(500, 300);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#f2efe6';
  ctx.fillRect(260, 340, 60, 50);
  ctx.fillRect(380, 340, 60, 50);
  for (let i = 0; i < 40; i++) {
    ctx.fillStyle = `rgba(40, ${110 + Math.floor(random() * 60)}, 40, 0.8)`;
    ctx.beginPath();
    ctx.arc(640 + random() * 120, 330 + random() * 110, 18 + random() * 22, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = '#5a3b22';
  ctx.fillRect(690, 430, 24, 70);
  return canvas.toBuffer('image/png');
}

/** Seeded noise, one grey value per pixel around mid-grey, as a raw single-channel image. */
function noiseLayer(width: number, height: number, amplitude: number, seed: number): Buffer {
  const random = seeded(seed);
  const data = Buffer.alloc(width * height);
  for (let i = 0; i < data.length; i++) data[i] = 128 + Math.round((random() - 0.5) * amplitude);
  return data;
}

/** A shadow falling from the left: a horizontal gradient from dark to clear. */
function shadowLayer(width: number, height: number, darkness: number): Buffer {
  const alpha = Math.round(255 * darkness);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="s" x1="0" x2="1" y1="0" y2="0.3">
        <stop offset="0" stop-color="#000" stop-opacity="${alpha / 255}"/>
        <stop offset="0.55" stop-color="#000" stop-opacity="0"/>
      </linearGradient></defs>
      <rect width="${width}" height="${height}" fill="url(#s)"/>
    </svg>`,
  );
}

/** The slip or picture photographed on a wooden-brown table. */
export async function photograph(image: Buffer, camera: Camera): Promise<Buffer> {
  const turned = await sharp(image)
    .rotate(camera.degrees, { background: '#7a5a3c' })
    .extend({ top: 40, bottom: 40, left: 40, right: 40, background: '#7a5a3c' })
    .blur(camera.blur > 0.3 ? camera.blur : undefined)
    .png()
    .toBuffer();
  const { width, height } = await sharp(turned).metadata();
  const w = width ?? 1;
  const h = height ?? 1;
  const noise = await sharp(noiseLayer(w, h, camera.noise, camera.seed), {
    raw: { width: w, height: h, channels: 1 },
  })
    .png()
    .toBuffer();
  return sharp(turned)
    .composite([
      { input: shadowLayer(w, h, camera.shadow), blend: 'over' },
      { input: noise, blend: 'overlay' },
    ])
    .jpeg({ quality: camera.quality, mozjpeg: false })
    .toBuffer();
}
