/**
 * A run the host starts itself (a 可视化代办 case approved: the proxy run
 * ends and the chosen service starts for the principal): the screen follows
 * it, and the runner adopts it from `flow.current` instead of starting the
 * service again (which would start it for the agent's card).
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FlowView, ServiceEntry } from '../../../../electron/contract';
import { createMockKioskApi, fixtureServiceHandlers, ok } from '../../../../renderer/api/mock';
import type { SessionRoute } from '../../../../renderer/app/session/route';
import { useHandedOverRun } from '../../../../renderer/app/session/use-handed-over-run';
import { useFlow } from '../../../../renderer/flows/use-flow';
import { views } from '../../flows/views';

const PROXY = 'video-proxy';
const CHOSEN = 'no-criminal-record';
const entry = (id: string): ServiceEntry => ({ ...({} as ServiceEntry), id, handling: 'kiosk', category: 'certificates' });
const SERVICES = [entry(PROXY), entry(CHOSEN)];

const of = (view: FlowView, serviceId: string, flowId: string, seq = 0): FlowView => ({ ...view, serviceId, flowId, seq });

describe('the run the host hands over after a proxy case is approved', () => {
  it('is followed once the shown run is done, as an adopted run', () => {
    const api = createMockKioskApi();
    const go = vi.fn<(route: SessionRoute) => void>();
    renderHook(() => useHandedOverRun(api, 's-1', PROXY, SERVICES, go));
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: of(views.done(), PROXY, 'f-proxy', 9) }));
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: of(views.choice(), CHOSEN, 'f-chosen') }));
    expect(go).toHaveBeenCalledWith({ step: 'service', serviceId: CHOSEN, category: 'certificates', page: 0, adopted: true });
  });

  it('a view of another service while the shown run is not done moves nothing', () => {
    const api = createMockKioskApi();
    const go = vi.fn<(route: SessionRoute) => void>();
    renderHook(() => useHandedOverRun(api, 's-1', PROXY, SERVICES, go));
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: of(views.consent(), PROXY, 'f-proxy', 2) }));
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: of(views.choice(), CHOSEN, 'f-other') }));
    act(() => api.emit('flow.changed', { sessionId: 's-2', view: of(views.done(), PROXY, 'f-2', 9) }));
    expect(go).not.toHaveBeenCalled();
  });

  it('an adopted flow is read from flow.current, never started', async () => {
    const start = vi.fn(() => ok<'flow.start'>(of(views.identifyCard(), CHOSEN, 'f-new')));
    const api = createMockKioskApi({
      ...fixtureServiceHandlers(),
      'flow.start': start,
      'flow.current': () => ok<'flow.current'>({ view: of(views.choice(), CHOSEN, 'f-chosen', 1) }),
    });
    const { result } = renderHook(() => useFlow(api, 's-1', CHOSEN, () => undefined, true));
    await waitFor(() => expect(result.current.state.kind).toBe('running'));
    expect(result.current.state.kind === 'running' && result.current.state.view.flowId).toBe('f-chosen');
    expect(start).not.toHaveBeenCalled();
  });
});
