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

/** Canvas JPEG qualities tried, best first (toDataURL's 0–1 maps to libjpeg's quality factor 1–100). */
const QUALITIES = [0.98, 0.95, 0.92, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5, 0.4];

/**
 * The best quality, from `best` down, whose JPEG fits `maxChars` (base64);
 * when none fits, the last one tried (the host then refuses it).
 */
export function fitJpeg(canvas: HTMLCanvasElement, maxChars: number, best = 0.9): string {
  let last = '';
  for (const quality of QUALITIES.filter((q) => q <= best + 1e-9)) {
    last = jpegBase64(canvas, quality);
    if (last.length <= maxChars) return last;
  }
  return last;
}
