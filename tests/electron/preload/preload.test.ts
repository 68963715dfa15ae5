import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener)) },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer, default: electron }));

await import('../../../electron/preload/index');
const { HOST_PORT_CHANNEL, MAIN_EVENT_CHANNEL } = await import('../../../electron/main/channels');

describe('preload', () => {
  it('exposes exactly one object, window.onedoor, with invoke and subscribe only', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(name).toBe('onedoor');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.subscribe).toBe('function');
  });

  it('listens only on the two main → renderer channels and never sends', () => {
    expect([...electron.listeners.keys()].sort()).toEqual([HOST_PORT_CHANNEL, MAIN_EVENT_CHANNEL].sort());
    expect(electron.ipcRenderer).not.toHaveProperty('send');
  });

  it('talks to the host over the port main hands over', async () => {
    const api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as {
      invoke(r: unknown): Promise<unknown>;
      subscribe(l: (e: unknown) => void): () => void;
    };
    const { port1, port2 } = new MessageChannel();
    port2.onmessage = (event) => {
      const request = event.data as { id: string };
      port2.postMessage({ v: 1, type: 'reply', id: request.id, ok: true, result: { pong: true } });
      port2.postMessage({ v: 1, type: 'event', event: 'session.ended', payload: { sessionId: 's', reason: 'finished' } });
    };
    const events: unknown[] = [];
    api.subscribe((e) => events.push(e));
    electron.listeners.get(HOST_PORT_CHANNEL)!({ ports: [port1] });
    await expect(api.invoke({ v: 1, type: 'call', id: 'q1', method: 'kiosk.info', params: {} })).resolves.toEqual({ v: 1, type: 'reply', id: 'q1', ok: true, result: { pong: true } });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    electron.listeners.get(MAIN_EVENT_CHANNEL)!({}, { v: 1, type: 'event', event: 'host.status', payload: { state: 'restarting' } });
    expect(events).toHaveLength(2);
    port1.close();
    port2.close();
  });
});
