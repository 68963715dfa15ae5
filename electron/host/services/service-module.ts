/**
 * What a service folder exports: one description the rest of the kiosk
 * reads (catalogue, availability, the renderer's wording, the voice
 * prompts, the journal's fees and outcomes, the back-end's operations and
 * the contract fuzzer). Nothing outside the folder names the service, but
 * the one line that lists it in registry.ts.
 */
import type { z } from 'zod';
import type { DeviceKind, ServiceCategory, ServiceWording } from '../../contract';
import type { FlowKit, FlowPlan } from '../flows/library';
import type { BackendOperation } from '../gateway/operation';

/** Who may use a service at the kiosk, by the holder of the identity. */
export type Audience = 'resident' | 'hmt' | 'foreigner';

/** How the service appears on the home screen. */
export interface CatalogueEntry {
  category: ServiceCategory;
  name: { 'zh-CN': string; en: string };
  /** Devices a kiosk run needs; the service is unavailable while one is down. */
  devices: readonly DeviceKind[];
  audience: readonly Audience[];
  /** Whether a relative may do it for someone by 可视化代办. */
  proxy: boolean;
  /** Place within its category (lower first). */
  order: number;
  /** Offered only on a simulated kiosk (a demonstration of the devices and steps, never to a citizen at a real hall). */
  simulationOnly?: boolean;
}

/** One fee item (收费项目) with its standard and legal basis. */
export interface FeeItem {
  code: string;
  name: { 'zh-CN': string; en: string };
  amountFen: number;
  /** 依据: the rule that sets the amount. */
  basis: string;
}

/** Who pays less or nothing, and on what basis. */
export interface FeeExemption {
  code: string;
  name: { 'zh-CN': string; en: string };
  /** 0 = pays nothing, 50 = half. */
  payPercent: number;
  basis: string;
}

export interface FeeRule {
  items: readonly FeeItem[];
  exemptions: readonly FeeExemption[];
  /** Outcomes after which the fee is due (none for a free service). */
  chargedOn: readonly string[];
  /** Why the service is free, when it is. */
  freeBasis?: string;
  /**
   * The items are alternatives: one of them is owed, chosen in the flow
   * (换领 20 元 or 补领 40 元), not all. The home screen then lists their
   * range (20–40 元) rather than a sum.
   */
  oneOf?: true;
}

/** A service of the hall with a kiosk flow. */
export interface ServiceModule {
  /** kebab-case, unique; `service-<id>` on the home screen. */
  readonly id: string;
  readonly catalogue: CatalogueEntry;
  readonly fee: FeeRule;
  /** The service's own outcomes (the library adds counter, referred, declined, failed, identityChanged). */
  readonly outcomes: readonly string[];
  /** Kinds of A4 documents it issues (its templates are in its folder). */
  readonly documents: readonly string[];
  /** Its words, mounted at `svc.<id>` in the renderer; `voice.*` inside are spoken prompts. */
  readonly wording: ServiceWording;
  /** Back-end calls of its own (served by the sandbox, documented in its folder). */
  readonly backend?: readonly BackendOperation<any, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Site settings it reads from `services.settings.<id>`, checked when the host starts. */
  readonly settings?: z.ZodType<unknown>;
  /** Its flow, from library steps. */
  flow(kit: FlowKit): FlowPlan;
}

/** What the home screen lists, in fen: the lowest and highest a run may owe (equal for a fixed fee). */
export interface ListedFee {
  minFen: number;
  maxFen: number;
}

/** The listed fee of a rule: the items' total, or the range of the alternatives when one of them is owed. */
export function listedFee(fee: FeeRule): ListedFee {
  if (fee.oneOf && fee.items.length > 0) {
    const amounts = fee.items.map((item) => item.amountFen);
    return { minFen: Math.min(...amounts), maxFen: Math.max(...amounts) };
  }
  const total = fee.items.reduce((sum, item) => sum + item.amountFen, 0);
  return { minFen: total, maxFen: total };
}

/** The fee items due after a run that ended in `outcome` (none when free, or for an outcome that is not charged). */
export function chargedFeeItems(module: ServiceModule | undefined, outcome: string): Array<{ code: string; amountFen: number; basis: string }> {
  if (!module || !module.fee.chargedOn.includes(outcome)) return [];
  return module.fee.items.map((item) => ({ code: item.code, amountFen: item.amountFen, basis: item.basis }));
}
