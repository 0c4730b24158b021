// Binds a delivery engine to a Monitor: every cycle's events go to the engine, which works on its own
// timer so a slow SMTP server or a dead webhook never delays the next poll.
import type { Monitor } from '../monitor/monitor';
import { DeliveryEngine, type DeliveryDeps } from './engine';

export function attachDelivery(monitor: Monitor, deps: DeliveryDeps): DeliveryEngine {
  const engine = new DeliveryEngine(deps);
  monitor.on('cycle', (result) => engine.handleCycle(result));
  return engine;
}
