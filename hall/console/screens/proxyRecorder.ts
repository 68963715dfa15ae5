/**
 * Records one remote party's stream for the consent segment (MediaRecorder,
 * VP8 + Opus in WebM); `stop` answers the whole file. The desk records the
 * phone's and the kiosk's streams side by side.
 */
export interface PartRecorder {
  start(): void;
  stop(): Promise<Blob>;
}

export type CreatePartRecorder = (stream: MediaStream) => PartRecorder;

export const RECORDING_MIME = 'video/webm;codecs=vp8,opus';

export const createMediaPartRecorder: CreatePartRecorder = (stream) => {
  const recorder = new MediaRecorder(stream, { mimeType: RECORDING_MIME });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  return {
    // A chunk a second: a stop loses at most the last second's buffer, never the whole segment.
    start: () => recorder.start(1000),
    stop: () =>
      new Promise<Blob>((resolve) => {
        if (recorder.state === 'inactive') return resolve(new Blob(chunks, { type: 'video/webm' }));
        recorder.onstop = () => resolve(new Blob(chunks, { type: 'video/webm' }));
        recorder.stop();
      }),
  };
};
