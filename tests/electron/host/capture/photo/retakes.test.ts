import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../../electron/host/config/load';
import { faceData } from '../../../../../electron/host/face/session-data';
import { createPhotoHandlers } from '../../../../../electron/host/capture/photo/handlers';
import { createSessionStore } from '../../../../../electron/host/session/session-store';
import { cameraFrame } from './camera-frame';

describe('standard photo retakes', () => {
  it('allows the first photo plus up to six retakes, then says the retakes are used up', async () => {
    const sessions = createSessionStore();
    const started = sessions.start({ language: 'zh-CN', elderMode: false });
    if (!started.ok) throw new Error('no session');
    const { sessionId } = started.value;
    faceData(sessions.get(sessionId)!).setConsent('biometric', { granted: true, recordedAt: new Date().toISOString() });
    let n = 0;
    const handlers = createPhotoHandlers({ config: defaultConfig(), sessions, logger: pino({ level: 'silent' }), detectFaces: async () => [], newId: () => `c${++n}` });
    const camera = cameraFrame();
    const frame = Buffer.from(camera.jpeg).toString('base64');
    const crop = camera.crop('drivingLicence');
    const left: number[] = [];
    for (let i = 0; i < 7; i++) {
      const reply = await handlers['photo.check']({ sessionId, spec: 'drivingLicence', frame, crop });
      if (!reply.ok) throw new Error(`photo ${i + 1} refused: ${reply.error.messageKey}`);
      left.push(reply.value.retakesLeft);
    }
    expect(left).toEqual([6, 5, 4, 3, 2, 1, 0]);
    const eighth = await handlers['photo.check']({ sessionId, spec: 'drivingLicence', frame, crop });
    expect(eighth).toMatchObject({ ok: false, error: { messageKey: 'photo.retakesExhausted' } });
  });
});
