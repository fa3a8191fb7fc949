// Lint rules that hold the layer boundaries (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibraries = [
  { name: 'react', message: 'The engine is headless: no React.' },
  { name: 'react-dom', message: 'The engine is headless: no React.' },
  { name: 'zustand', message: 'The engine owns no UI state.' },
  { name: 'xstate', message: 'UI flows live in src/machines.' },
  { name: 'monaco-editor', message: 'The editor lives in src/editor.' },
];
const uiPatterns = [
  { group: ['d3', 'd3-*'], message: 'd3 views live in src/views.' },
  { group: ['monaco-*', '@xterm/*'], message: 'Editors and terminals live in src/.' },
  {
    group: ['**/src/**', '**/app/**', '../src', '../app', '../../src', '../../app'],
    message: 'The engine may not import the UI.',
  },
];

/** Rules that keep the engine deterministic: time and randomness are inputs. */
const determinism = {
  'no-restricted-properties': [
    'error',
    {
      object: 'Date',
      property: 'now',
      message: 'Use the virtual clock (sim.now / the `now` argument).',
    },
    { object: 'Math', property: 'random', message: 'Use a named fork of the seeded Rng.' },
    { object: 'performance', property: 'now', message: 'Wall time is for engine/host only.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'new Date() reads the wall clock: pass the virtual time, new Date(now).',
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Schedule on the TimerQueue with virtual time.' },
    { name: 'setInterval', message: 'Schedule on the TimerQueue with virtual time.' },
    { name: 'setImmediate', message: 'Schedule on the TimerQueue with virtual time.' },
    { name: 'performance', message: 'Wall time is for engine/host only.' },
    { name: 'window', message: 'The engine has no DOM.' },
    { name: 'document', message: 'The engine has no DOM.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'engine/api/schema/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Userland programs are generators by contract; many finish without waiting.
      'require-yield': 'off',
      // Terminals, shells and printers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'bin/**', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/host/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: uiLibraries, patterns: uiPatterns }],
      ...determinism,
    },
  },
  {
    files: ['engine/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: uiLibraries, patterns: uiPatterns }],
    },
  },
);
