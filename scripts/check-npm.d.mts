/** Types for check-npm.mjs (a plain script: it runs before node_modules exists). */
export function npmVersionProblem(userAgent: string | undefined, required: string | undefined): string | undefined;
