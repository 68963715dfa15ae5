/**
 * The checks of one service module, whatever it is: its wording (the same
 * keys in both languages, a word for each outcome, voice prompts espeak can
 * read), every i18n key its views can show (found by walking its flow,
 * module-walk.ts), and its back-end operations' sandbox answers against
 * their schemas. service-modules.part-<n>.test.ts run them for every module,
 * a share each ({@link modulesOfPart}), so the suite's workers share the walks.
 */
import { describe, expect, it } from 'vitest';
import { ServiceWording } from '../../../../electron/contract';
import { LIBRARY_OUTCOMES } from '../../../../electron/host/flows/library';
import { SERVICE_MODULES } from '../../../../electron/host/services/registry';
import type { ServiceModule } from '../../../../electron/host/services/service-module';
import { catalogues, flattenKeys } from '../../../../renderer/i18n';
import { sandboxCitizens, sandboxGateway } from './flow-kit';
import { walksOf } from './module-walk';

/** How many service-modules.part-<n>.test.ts files share the modules (service-modules.test.ts checks each exists). */
export const MODULE_PARTS = 4;

/** The modules part `part` (1…MODULE_PARTS) checks: every MODULE_PARTS-th by id, so every module is in exactly one part. */
export function modulesOfPart(part: number): readonly ServiceModule[] {
  return SERVICE_MODULES.filter((_, index) => index % MODULE_PARTS === part - 1);
}

/** The i18n keys a view names: every `…Key` and `…Keys` field, at any depth (data, path, message). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [name, child] of Object.entries(value)) {
      if (name.endsWith('Key') && typeof child === 'string') into.add(child);
      else if (name.endsWith('Keys') && Array.isArray(child)) child.filter((key): key is string => typeof key === 'string').forEach((key) => into.add(key));
      else keysOf(child, into);
    }
  }
  return into;
}

/** Dotted keys of a wording tree's strings. */
const leaves = (tree: object) => new Set(flattenKeys(tree));
const appKeys = { 'zh-CN': leaves(catalogues['zh-CN']), en: leaves(catalogues.en) };

export function checkServiceModules(modules: readonly ServiceModule[]): void {
  describe.each(modules.map((module) => [module.id, module] as const))('service module %s', (id, module) => {
    const svc = `svc.${id}.`;
    const words = { 'zh-CN': leaves(module.wording['zh-CN']), en: leaves(module.wording.en) };

    it('has the same wording keys in zh-CN and en', () => {
      expect([...words.en].sort()).toEqual([...words['zh-CN']].sort());
    });

    it('has wording the contract carries to the renderer (each key a short identifier starting with a letter)', () => {
      expect(ServiceWording.safeParse(module.wording).success).toBe(true);
    });

    it('words each of its outcomes, and none of them is one of the library\'s', () => {
      for (const outcome of module.outcomes) {
        expect(words['zh-CN'], outcome).toContain(`outcomes.${outcome}`);
        expect(words.en, outcome).toContain(`outcomes.${outcome}`);
        expect(LIBRARY_OUTCOMES as readonly string[]).not.toContain(outcome);
      }
    });

    it('speaks its zh-CN prompts in Chinese only (espeak reads the text as pinyin: no Latin letters or digits)', () => {
      const voice = module.wording['zh-CN'].voice;
      for (const key of voice && typeof voice === 'object' ? flattenKeys(voice) : []) {
        const prompt = key.split('.').reduce<unknown>((tree, part) => (tree as Record<string, unknown>)[part], voice);
        expect(prompt, `voice.${key}`).not.toMatch(/[A-Za-z0-9]/);
      }
    });

    it('every i18n key its views show exists (its own in its wording, the rest in the renderer\'s catalogues); its outcomes are its own or the library\'s', async () => {
      const all = await walksOf(module);
      const views = all.flatMap((w) => w.views);
      expect(all.flatMap((w) => w.faults)).toEqual([]);
      const keys = new Set<string>();
      for (const view of views) keysOf(view, keys);
      const missing: string[] = [];
      for (const key of keys) {
        if (key.startsWith('svc.')) {
          if (!key.startsWith(svc)) missing.push(`${key} (another service's key)`);
          const own = key.slice(svc.length);
          for (const language of ['zh-CN', 'en'] as const) if (!words[language].has(own)) missing.push(`${key} (${language})`);
        } else {
          for (const language of ['zh-CN', 'en'] as const) if (!appKeys[language].has(key)) missing.push(`${key} (${language})`);
        }
      }
      expect(missing).toEqual([]);

      const outcomes = new Set(views.flatMap((view) => (view.data.step === 'done' ? [view.data.outcome] : [])));
      for (const outcome of outcomes) expect([...module.outcomes, ...LIBRARY_OUTCOMES], outcome).toContain(outcome);
      // The walk reached each of the service's own outcomes: none is dead wording.
      for (const outcome of module.outcomes) expect([...outcomes], outcome).toContain(outcome);
      // The sandbox never answers garbage: a badResponse is a request the service's own schema refuses, or a sandbox answer outside it.
      for (const w of all) expect(w.views.filter((view) => view.data.step === 'query' && view.data.failure === 'badResponse').map((view) => view.stepId), w.label).toEqual([]);
      // And it went through every step of the main path.
      const stepIds = new Set(views.map((view) => view.stepId));
      for (const step of views[0]!.path) expect([...stepIds], step.id).toContain(step.id);
    }, 300_000);

    it('its voice prompts are for steps its flow has (voice.<stepId>, a side step included)', async () => {
      const [first] = await walksOf(module);
      const stepIds = [...first!.views[0]!.path.map((step) => step.id), 'counter', 'referral', 'failed', 'done'];
      const voice = module.wording['zh-CN'].voice;
      for (const key of voice && typeof voice === 'object' ? Object.keys(voice) : []) expect(stepIds, `voice.${key}`).toContain(key);
    }, 300_000);

    it('each back-end operation is called by its flow, and its sandbox answers every sandbox citizen within its response schema', async () => {
      const calls = (await walksOf(module)).flatMap((w) => w.calls);
      const sandbox = sandboxGateway();
      const people = [...Object.keys(sandboxCitizens().citizens), '410404197001010098'];
      for (const operation of module.backend ?? []) {
        const requests = calls.filter((call) => call.operation.name === operation.name).map((call) => call.request);
        expect(requests.length, `${operation.name} is never called`).toBeGreaterThan(0);
        let answered = 0;
        for (const request of requests) {
          const asked = (request as { idNumber?: unknown }).idNumber;
          for (const idNumber of people) {
            // The recorded request, for each citizen in turn.
            const forCitizen = typeof asked === 'string' ? { ...(request as object), idNumber } : request;
            // A number the operation does not take (a 2017 permit where only 18-character numbers are served) is never sent.
            if (!operation.request.safeParse(forCitizen).success) continue;
            const answer = await sandbox.answerOperation(operation, forCitizen);
            if (!answer.ok) {
              expect(answer.error.kind, `${operation.name} for ${idNumber}`).toBe('notFound');
              continue;
            }
            answered += 1;
            const parsed = operation.response.safeParse(answer.value);
            expect(parsed.success, `${operation.name} for ${idNumber}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
          }
        }
        expect(answered, `${operation.name} never answered`).toBeGreaterThan(0);
      }
    }, 300_000);
  });
}
