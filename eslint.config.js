// ESLint flat config. Besides style and hooks rules, it holds the architecture
// (ARCHITECTURE.md §1–2): who may import `electron`, React, and which folders.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const electronOnly = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const reactOnly = [
  { name: 'react', message: 'React belongs in renderer/ only.' },
  { name: 'react-dom', message: 'React belongs in renderer/ only.' },
  { name: 'react-i18next', message: 'React belongs in renderer/ only.' },
];
const reactPatterns = [{ group: ['react/*', 'react-dom/*'], message: 'React belongs in renderer/ only.' }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', '.ci/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Type-aware rules: a promise nobody awaits loses its failure; a switch over a union must name every member.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  // domain/: pure rules every side imports, so it imports none of them and
  // nothing that needs Node or a DOM (the renderer bundles it too).
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', '**/renderer/**', '**/drivers/**'], message: 'domain/ is pure: it imports nothing from electron/, renderer/ or drivers/.' },
          { regex: '^[^.]', message: 'domain/ has no dependencies: no node: modules, no packages, only its own files.' },
        ],
      }],
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({ name, message: 'domain/ runs in the host and the renderer alike: no DOM or Node globals.' }))],
    },
  },
  // drivers/: no host, no renderer, no electron, no React (domain/ is allowed).
  {
    files: ['drivers/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, ...reactOnly],
        patterns: [...reactPatterns, { group: ['**/electron/**', '**/renderer/**'], message: 'drivers/ must not import from electron/ or renderer/.' }],
      }],
    },
  },
  // face-analysis/: the face model in Node (landmarks, embeddings, JPEG decoding) that the kiosk
  // host and the hall server share; so it imports neither of them, nor drivers/, electron or React.
  {
    files: ['face-analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, ...reactOnly],
        patterns: [
          ...reactPatterns,
          { group: ['**/electron/*', '!**/electron/contract', '**/electron/main/**', '**/electron/host/**', '**/electron/preload/**'], message: 'face-analysis/ may import only electron/contract from electron/: the hall imports it too.' },
          { group: ['**/renderer/**', '**/drivers/**', '**/hall/**'], message: 'face-analysis/ is shared by the kiosk host and the hall: no renderer, drivers or hall.' },
        ],
      }],
    },
  },
  // electron/contract and electron/host: no electron, no React, no renderer (domain/ is allowed).
  {
    files: ['electron/contract/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, ...reactOnly],
        patterns: [...reactPatterns, { group: ['**/renderer/**'], message: 'The host knows the renderer only through the contract.' }],
      }],
    },
  },
  // electron/main and preload: electron allowed, React not.
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...reactOnly], patterns: [...reactPatterns, { group: ['**/renderer/**'], message: 'Main knows the renderer only through the contract.' }] }],
    },
  },
  // renderer/: React allowed; from electron/ only the contract; never drivers/ (domain/ is allowed).
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [electronOnly],
        patterns: [
          { group: ['**/electron/*', '!**/electron/contract', '**/electron/main/**', '**/electron/host/**', '**/electron/preload/**'], message: 'renderer/ may import only electron/contract from electron/.' },
          { group: ['**/drivers/**'], message: 'renderer/ must not import drivers/.' },
        ],
      }],
    },
  },
  // hall/: a separate app; from the kiosk only the contract and domain/, never the host, renderer or drivers.
  {
    files: ['hall/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly],
        patterns: [
          { group: ['**/electron/*', '!**/electron/contract', '**/electron/main/**', '**/electron/host/**', '**/electron/preload/**'], message: 'hall/ may import only electron/contract from electron/ (ARCHITECTURE §7).' },
          { group: ['**/renderer/**', '**/drivers/**'], message: 'hall/ must not import the kiosk renderer or drivers.' },
        ],
      }],
    },
  },
  // hall/server: Node only; React belongs to the console.
  {
    files: ['hall/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, ...reactOnly],
        patterns: [
          ...reactPatterns,
          { group: ['**/electron/*', '!**/electron/contract', '**/electron/main/**', '**/electron/host/**', '**/electron/preload/**'], message: 'hall/ may import only electron/contract from electron/ (ARCHITECTURE §7).' },
          { group: ['**/renderer/**', '**/drivers/**', '**/hall/console/**'], message: 'hall/server must not import the renderer, drivers or the console.' },
        ],
      }],
    },
  },
  // hall/console: React, with the hooks rules the renderer follows; from the kiosk renderer only the
  // call mesh (可视化代办's three parties share one implementation).
  {
    files: ['hall/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [electronOnly],
        patterns: [
          { group: ['**/electron/*', '!**/electron/contract', '**/electron/main/**', '**/electron/host/**', '**/electron/preload/**'], message: 'hall/ may import only electron/contract from electron/ (ARCHITECTURE §7).' },
          { group: ['**/drivers/**', '**/renderer/*', '!**/renderer/proxy-call'], message: 'hall/console may import from the kiosk renderer only its call mesh.' },
        ],
      }],
    },
  },
  // hall/phone (可视化代办's phone page): React with the hooks rules; it reuses the kiosk renderer's
  // browser-only pieces that know nothing of the kiosk (camera, face loop, signature pad, the call mesh).
  {
    files: ['hall/phone/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [electronOnly],
        patterns: [
          { group: ['**/electron/*', '!**/electron/contract', '**/electron/main/**', '**/electron/host/**', '**/electron/preload/**'], message: 'hall/ may import only electron/contract from electron/ (ARCHITECTURE §7).' },
          {
            group: [
              '**/drivers/**', '**/renderer/*', '!**/renderer/camera', '!**/renderer/proxy-call',
              '!**/renderer/steps', '**/renderer/steps/*', '!**/renderer/steps/signature', '**/renderer/steps/signature/*', '!**/renderer/steps/signature/SignaturePad', '!**/renderer/steps/signature/pad-strokes',
              '!**/renderer/i18n', '**/renderer/i18n/*', '!**/renderer/i18n/zh-CN', '!**/renderer/i18n/en',
            ],
            message: 'hall/phone may import from the kiosk renderer only its camera, call mesh, signature pad and words.',
          },
        ],
      }],
    },
  },
  // tests and scripts: anything goes, except React outside .tsx component tests is fine too.
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,js,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
