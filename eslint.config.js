// Lint: typescript-eslint strict rules plus the import boundaries of DESIGN.md.
// Each part lists the parts it may NOT import; the table in DESIGN.md is the source.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const parts = ['common', 'threads', 'bench-runner', 'server-core', 'journal', 'targets', 'experiments', 'lab', 'electron', 'renderer', 'cli'];

/** Which parts each part may import (besides itself and npm packages). */
const allowed = {
  common: [],
  // Node-only: where worker threads start from (docs/contracts.md).
  threads: [],
  'bench-runner': ['common', 'threads'],
  'server-core': ['common', 'threads'],
  journal: ['common', 'bench-runner'],
  // Servers that are not ours: profiles' processes, readiness, /proc telemetry, build identity.
  targets: ['common'],
  // Runs made of runs: sweeps, repeats, shard merge.
  experiments: ['common', 'bench-runner', 'targets', 'journal'],
  lab: ['common', 'bench-runner', 'server-core', 'journal', 'targets', 'experiments'],
  electron: ['lab', 'common'],
  renderer: ['common'],
  cli: ['common', 'bench-runner', 'server-core', 'journal', 'targets', 'experiments', 'lab'],
};

/** npm packages a part must never import. */
const forbiddenPackages = {
  common: ['electron', 'react', 'react-dom', 'node:*'],
  threads: ['electron', 'react', 'react-dom'],
  'bench-runner': ['electron', 'react', 'react-dom'],
  'server-core': ['electron', 'react', 'react-dom'],
  journal: ['electron', 'react', 'react-dom'],
  targets: ['electron', 'react', 'react-dom'],
  experiments: ['electron', 'react', 'react-dom'],
  lab: ['electron', 'react', 'react-dom'],
  electron: ['react', 'react-dom'],
  renderer: ['electron', 'node:*'],
  cli: ['electron', 'react', 'react-dom'],
};

/**
 * Raw IPC only in the one typed wrapper (main) and the preload; everything else goes through
 * electron/ipc.ts's handle/send or the preload's bridge (STYLE.md item 9).
 */
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC only in electron/ipc.ts (main) and electron/preload.ts; use their typed handle/send or window.loadlab.',
};
const rawIpcAllowed = ['electron/ipc.ts', 'electron/preload.ts'];

function restrictedImports(part, { allowRawIpc = false } = {}) {
  const others = parts.filter((p) => p !== part && !allowed[part].includes(p));
  return {
    paths: allowRawIpc ? [] : [rawIpc],
    patterns: [
      ...others.map((other) => ({
        group: [`**/${other}/*`, `**/${other}`],
        message: `${part}/ may not import ${other}/ (see DESIGN.md, "Parts and who may import whom").`,
      })),
      ...forbiddenPackages[part].map((pkg) => ({
        group: [pkg],
        message: `${part}/ may not import ${pkg} (see DESIGN.md).`,
      })),
    ],
  };
}

function boundaryRule(part) {
  return {
    files: [`${part}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', restrictedImports(part)] },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Spreading an array into arguments overflows the stack past ~100k values (a long run's
    // series): use maxOf/minOf of common/extent.ts, or a loop. Tests may spread their small arrays.
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement", message: 'Math.max/min of a spread overflows the stack on long data: use maxOf/minOf (common/extent.ts).' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    ignores: parts.map((part) => `${part}/**`),
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc] }] },
  },
  ...parts.map(boundaryRule),
  {
    files: rawIpcAllowed,
    rules: { 'no-restricted-imports': ['error', restrictedImports('electron', { allowRawIpc: true })] },
  },
);
