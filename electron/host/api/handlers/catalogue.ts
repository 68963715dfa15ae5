/** `catalogue.*` and `service.*`: the hall's services as the home screen lists them, and a service's own words. */
import type { ServiceEntry } from '../../../contract';
import type { ServiceModule } from '../../services/service-module';
import type { CallHandlers } from '../dispatch';

export interface CatalogueHandlersDeps {
  entries: () => ServiceEntry[];
  moduleOf: (serviceId: string) => ServiceModule | undefined;
}

export function catalogueHandlers(deps: CatalogueHandlersDeps): Pick<CallHandlers, 'catalogue.list' | 'service.wording'> {
  return {
    'catalogue.list': () => ({ ok: true, value: { services: deps.entries() } }),
    'service.wording': ({ serviceId }) => {
      const module = deps.moduleOf(serviceId);
      return module ? { ok: true, value: module.wording } : { ok: false, error: { code: 'invalidParams', messageKey: 'flow.unknownService' } };
    },
  };
}
