/** `flow.*`: the flow runtime's handlers, with the journal told which service a session started. */
import type { CallHandlers } from '../dispatch';
import { flowOf, type FlowHandlers } from '../../flows';
import type { SessionJournal } from '../../journal/session-journal';
import type { SessionStore } from '../../session/session-store';

export function journaledFlowHandlers(flows: FlowHandlers, sessions: SessionStore, journal: SessionJournal): Pick<CallHandlers, 'flow.start' | 'flow.send' | 'flow.current'> {
  return {
    ...flows,
    'flow.start': async (params) => {
      const started = await flows['flow.start'](params);
      const session = sessions.get(params.sessionId);
      const flow = started.ok && session ? flowOf(session) : undefined;
      if (started.ok && flow) journal.flowStarted(params.sessionId, params.serviceId, flow.flowId, started.value);
      return started;
    },
  };
}
