/**
 * The registry of service modules: ids, the catalogue, back-end operation
 * names, and that every module is in one of the service-modules.part-<n>
 * files, which check each module whatever it is (module-checks.ts: wording,
 * every i18n key its views can show, its back-end operations). A new service
 * is checked there without naming it.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICE_CATALOGUE } from '../../../../electron/host/services/catalogue';
import { COUNTER_SERVICES } from '../../../../electron/host/services/counter-services';
import { SERVICE_MODULES } from '../../../../electron/host/services/registry';
import { MODULE_PARTS, modulesOfPart } from './module-checks';

describe('the registry', () => {
  it('has modules, each with its own kebab-case id', () => {
    expect(SERVICE_MODULES.length).toBeGreaterThan(0);
    const ids = SERVICE_MODULES.map((module) => module.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('the catalogue lists every module as a kiosk flow, and no counter-only line shares a module\'s id', () => {
    for (const module of SERVICE_MODULES) {
      expect(SERVICE_CATALOGUE.filter((entry) => entry.id === module.id), module.id).toEqual([
        expect.objectContaining({ id: module.id, category: module.catalogue.category, name: module.catalogue.name, kioskFlow: true, devices: module.catalogue.devices }),
      ]);
      expect(COUNTER_SERVICES.map((service) => service.id), module.id).not.toContain(module.id);
    }
  });

  it('no two different back-end operations share a name (one shared operation may be listed by several modules)', () => {
    const operations = new Set(SERVICE_MODULES.flatMap((module) => module.backend ?? []));
    const names = [...operations].map((operation) => operation.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('every module is checked: its service-modules.part-<n>.test.ts exists for each part, and the parts together are the registry', () => {
    const parts = Array.from({ length: MODULE_PARTS }, (_, index) => index + 1);
    const files = readdirSync(import.meta.dirname).filter((name) => /^service-modules\.part-\d+\.test\.ts$/.test(name));
    expect(files.sort()).toEqual(parts.map((part) => `service-modules.part-${part}.test.ts`).sort());
    expect(parts.flatMap((part) => modulesOfPart(part).map((module) => module.id)).sort()).toEqual(SERVICE_MODULES.map((module) => module.id).sort());
  });
});
