/** Grabbing frames from the live video and encoding JPEGs small enough for the KioskApi. */

/** The current video frame as pixels (unmirrored). */
export function grabFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement = document.createElement('canvas')): { canvas: HTMLCanvasElement; image: ImageData } | null {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return null;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  return { canvas, image: context.getImageData(0, 0, width, height) };
}

/** A copy of a canvas (to keep the best frame while the video runs on). */
export function copyCanvas(source: HTMLCanvasElement): HTMLCanvasElement {
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  copy.getContext('2d')?.drawImage(source, 0, 0);
  return copy;
}

/** A canvas as base64 JPEG (no data: prefix). */
export function jpegBase64(canvas: HTMLCanvasElement, quality: number): string {
  return canvas.toDataURL('image/jpeg', quality).replace(/^data:image\/jpeg;base64,/, '');
}

/** Bytes of a base64 string. */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length * 3) / 4 - padding;
}

/**
 * The best quality whose JPEG fits `range` (bytes) and `maxChars` (base64);
 * with no range, quality 0.9 within `maxChars`.
 */
export function fitJpeg(canvas: HTMLCanvasElement, maxChars: number, range: { min: number; max: number } | null = null): string {
  const qualities = [0.95, 0.92, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5, 0.4];
  let last = '';
  for (const quality of range ? qualities : qualities.slice(2)) {
    last = jpegBase64(canvas, quality);
    const bytes = base64Bytes(last);
    if (last.length > maxChars) continue;
    if (!range || (bytes <= range.max && bytes >= range.min) || bytes < range.min) return last;
  }
  return last;
}
