/** The `payment` diagnostics' real dependencies: the kiosk config and the payment service it names. */
import { performance } from 'node:perf_hooks';
import { err, ok } from '../../../../domain/result';
import { loadConfigFile } from '../../config/load';
import { createPaymentFromConfig } from '../from-config';
import type { PaymentCliDeps } from './payment-cli';

export function defaultPaymentCliDeps(): PaymentCliDeps {
  return {
    async service(configPath) {
      const loaded = await loadConfigFile(configPath ?? process.env.ONEDOOR_CONFIG);
      if (!loaded.ok) return err(loaded.error.message);
      const config = loaded.value;
      if (!config.payment && !config.simulation) return err('no payment service is configured (`payment` in the kiosk config)');
      const configured = createPaymentFromConfig(config);
      const payment = config.payment;
      const describe = !payment || (payment.kind === 'sandbox' && !payment.baseUrl) ? 'sandbox (embedded: checks this process\'s own sandbox)' : payment.baseUrl!;
      return ok({ port: configured.port, describe, timeZone: config.timeZone });
    },
    now: () => new Date(),
    clock: () => performance.now(),
  };
}
