import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StepKind } from '../../../electron/contract';
import { fixtureViews } from '../../../renderer/api/fixture-service';
import { stepsFor } from '../../../renderer/flows';
import { steps } from '../../../renderer/steps';
import { renderFlowStep } from './support';

const RENDERER = join(import.meta.dirname, '../../../renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('step library', () => {
  it('has a screen for every step kind of the contract', () => {
    expect(Object.keys(steps).sort()).toEqual([...StepKind.options].sort());
  });

  it('draws every kind with a title, the service’s words and a voice prompt', () => {
    for (const kind of StepKind.options) {
      const flowView = fixtureViews[kind]();
      const { view: rendered } = renderFlowStep(flowView, {});
      const text = rendered.container.textContent ?? '';
      expect(rendered.container.querySelector('h1, h2'), kind).not.toBeNull();
      // A key the wording has is never shown as a key.
      expect(text, kind).not.toMatch(/svc\.|flow\.[a-z]/);
      expect(
        rendered.voice.keys().some((k) => k.startsWith('voice.flow.') || k.startsWith('svc.fixture-service.voice.')),
        kind,
      ).toBe(true);
      rendered.unmount();
    }
  });

  it('a service without a folder of its own is drawn by the library', () => {
    expect(stepsFor('fixture-service')).toBe(steps);
    expect(stepsFor('any-service')).toBe(steps);
  });
});

describe('no service in renderer code', () => {
  it('names no real service, nor its vocabulary', () => {
    const offenders = sourceFiles(RENDERER).filter((file) =>
      /no-criminal-record|CertificatePurpose|choosePurpose|certificateIssued|无犯罪/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('the step library speaks of documents, never of one service’s certificate', () => {
    const library = [
      ...sourceFiles(join(RENDERER, 'steps')),
      ...sourceFiles(join(RENDERER, 'flows')),
      join(RENDERER, 'i18n/flows.zh-CN.ts'),
      join(RENDERER, 'i18n/flows.en.ts'),
    ];
    const offenders = library.filter((file) => /证明|certificate/i.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
