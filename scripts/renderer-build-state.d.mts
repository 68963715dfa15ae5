// Types for scripts/renderer-build-state.mjs (a plain Node script, so `npm start` needs no TypeScript loader).
export declare const RENDERER_INPUTS: readonly string[];
export declare const OUT_DIR: string;
export declare const RECORD: string;
export declare function inputsHash(root: string): string;
export declare function requiredOutputs(root: string): string[];
export declare function recordBuild(root: string): string[];
export declare function rendererBuildState(root: string): { fresh: true } | { fresh: false; reason: string };
