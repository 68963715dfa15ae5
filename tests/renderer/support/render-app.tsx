/** Renders the whole App against a strict mock host, with a recording voice. */
import { render } from '@testing-library/react';
import { App } from '../../../renderer/app/App';
import { createMockKioskApi, ok, type MockHandlers, type MockKioskApi } from '../../../renderer/api/mock';
import type { ConnectionState } from '../../../renderer/api/types';
import { createI18n } from '../../../renderer/i18n';
import type { Utterance, Voice } from '../../../renderer/voice/voice';
import { devices, kioskInfo, services, session } from './fixtures';

/** A Voice that records what it was asked to say. */
export interface RecordingVoice extends Voice {
  spoken: Utterance[];
  stops: number;
  keys(): string[];
}

/** Creates a {@link RecordingVoice}. */
export function recordingVoice(): RecordingVoice {
  const voice: RecordingVoice = {
    spoken: [],
    stops: 0,
    speak: (u) => void voice.spoken.push(u),
    stop: () => void (voice.stops += 1),
    keys: () => voice.spoken.map((u) => u.key),
  };
  return voice;
}

/** Handlers for a session that starts, ends, and lists the fixture catalogue. */
export const sessionHandlers: MockHandlers = {
  'session.start': (params) => ok<'session.start'>({ ...session, language: params.language, elderMode: params.elderMode }),
  'session.end': () => ok<'session.end'>({ ended: true }),
  'session.activity': () => ok<'session.activity'>({ backstopMs: 300_000 }),
  'session.preferences': (params) => ok<'session.preferences'>({ ...session, language: params.language, elderMode: params.elderMode }),
  'catalogue.list': () => ok<'catalogue.list'>({ services }),
  'help.request': () => ok<'help.request'>({ callId: 'call-1', queuedAt: '2026-05-01T08:02:00.000Z' }),
};

/** Options of {@link renderApp}. */
export interface RenderAppOptions {
  connection?: ConnectionState;
  query?: string;
}

/** kiosk.info, devices.list and dock.state (disabled) answered from the fixtures, plus `extra`. */
export function renderApp(
  extra: MockHandlers = {},
  connection: ConnectionState | RenderAppOptions = 'connected',
): { api: MockKioskApi; view: ReturnType<typeof render>; voice: RecordingVoice } {
  const options: RenderAppOptions = typeof connection === 'string' ? { connection } : connection;
  const api = createMockKioskApi(
    {
      'kiosk.info': () => ok<'kiosk.info'>(kioskInfo),
      'devices.list': () => ok<'devices.list'>(devices),
      'dock.state': () => ok<'dock.state'>({ enabled: false, sampleCards: [], devices: [] }),
      // On connect the shell asks whether the host kept a session this renderer lost.
      'session.current': () => ok<'session.current'>({ session: null, identity: null }),
      // Staff at the kiosk: nobody signed in, the kiosk in service.
      'staff.state': () => ok<'staff.state'>({ phase: 'signedOut' }),
      'kiosk.serviceState': () => ok<'kiosk.serviceState'>({ outOfService: null }),
      ...extra,
    },
    options.connection ?? 'connected',
  );
  const voice = recordingVoice();
  const view = render(<App api={api} i18n={createI18n()} voice={voice} query={options.query ?? ''} />);
  return { api, view, voice };
}
