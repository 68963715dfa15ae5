/**
 * The sandbox's evidence photos (违法取证照片): drawn, not photographed — a
 * road at a junction seen from a pole camera, the car from behind with its
 * plate, and the camera's overlay (time, place, 违法代码, frame n of m), as
 * an SVG. No person is in it. Made on each request, held nowhere.
 */

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface EvidenceScene {
  plate: string;
  occurredAt: string;
  place: string;
  code: string;
  /** 1-based frame number, and how many there are. */
  frame: number;
  frames: number;
}

/** One evidence photo as SVG text (640×400). */
export function evidenceSvg(scene: EvidenceScene): string {
  // The car moves forward from frame to frame, as a pole camera's series does.
  const carY = 250 - (scene.frame - 1) * 40;
  const time = `${scene.occurredAt.replace('T', ' ')}:${String(10 + scene.frame * 7).padStart(2, '0')}`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400">',
    '<rect width="640" height="400" fill="#5b6470"/>',
    '<polygon points="180,400 460,400 380,60 260,60" fill="#3a3f46"/>',
    '<line x1="320" y1="400" x2="320" y2="60" stroke="#f4d03f" stroke-width="4" stroke-dasharray="24 18"/>',
    '<rect x="250" y="120" width="140" height="8" fill="#ffffff"/>',
    '<circle cx="520" cy="80" r="14" fill="#e74c3c"/><rect x="505" y="60" width="30" height="90" fill="none" stroke="#222" stroke-width="3"/>',
    `<g transform="translate(262 ${carY})"><rect width="116" height="70" rx="10" fill="#d0d6de"/><rect x="10" y="8" width="96" height="22" rx="4" fill="#7f8c99"/>`,
    `<rect x="30" y="42" width="56" height="18" fill="#1f5fbf"/><text x="58" y="56" font-size="12" fill="#fff" text-anchor="middle" font-family="sans-serif">${escapeXml(scene.plate)}</text></g>`,
    '<rect x="0" y="0" width="640" height="44" fill="rgba(0,0,0,0.6)"/>',
    `<text x="12" y="28" font-size="18" fill="#fff" font-family="sans-serif">${escapeXml(time)}  ${escapeXml(scene.code)}  ${scene.frame}/${scene.frames}</text>`,
    '<rect x="0" y="360" width="640" height="40" fill="rgba(0,0,0,0.6)"/>',
    `<text x="12" y="386" font-size="16" fill="#fff" font-family="sans-serif">${escapeXml(scene.place)}  ${escapeXml(scene.plate)}</text>`,
    '</svg>',
  ].join('');
}
