import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// CI runs on 2 cores with several test files at once: give findBy*/waitFor
// more than the 1 s default before calling a slow render a failure.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
