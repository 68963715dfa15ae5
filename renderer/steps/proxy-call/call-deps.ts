/**
 * What the call screen is built from, injectable so component tests run it
 * with a fake mesh and fake media: the mesh library and the agent's camera
 * and microphone. The app uses the defaults.
 */
import { createContext } from 'react';
import type { CameraSelector } from '../../../electron/contract';
import type { Result } from '../../../domain/result';
import type { CameraProblem } from '../../camera/camera-problem';
import type { MeshOptions, ProxyCallMesh } from '../../proxy-call/mesh-types';
import { openCallMedia } from './call-media';

export type MeshFactory = (options: MeshOptions) => ProxyCallMesh;

export interface ProxyCallDeps {
  /** The mesh library's factory; null when it cannot be loaded (the screen says the call is unavailable). */
  loadMesh(): Promise<MeshFactory | null>;
  openMedia(selector: CameraSelector | null): Promise<Result<MediaStream, CameraProblem>>;
}

/** The mesh library (renderer/proxy-call/mesh.ts), loaded when a call starts: a chunk of its own, off the first load. */
async function loadMeshFactory(): Promise<MeshFactory | null> {
  try {
    return (await import('../../proxy-call/mesh')).createProxyCallMesh;
  } catch {
    // A chunk that fails to load is a call that cannot start, said on screen.
    return null;
  }
}

export const defaultProxyCallDeps: ProxyCallDeps = {
  loadMesh: loadMeshFactory,
  openMedia: (selector) => openCallMedia(selector),
};

export const ProxyCallDepsContext = createContext<ProxyCallDeps>(defaultProxyCallDeps);
