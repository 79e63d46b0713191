// `npm run lint`: typescript-eslint's recommended rules (the set that needs no type information,
// so it stays fast) and import-x/no-cycle, which keeps imports running one way (STYLE.md, "Layers").
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // src/metadata.ts is written by `npm run openapi:metadata`, not by hand.
  { ignores: ['dist/', 'node_modules/', 'bench/results/', 'coverage/', 'src/metadata.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.test.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      // A leading underscore marks what a signature or a destructuring must name but the body does
      // not use, as with tsc's noUnusedParameters.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src/database/migrations/index.ts'],
    rules: {
      // TypeORM's DataSourceOptions.migrations takes Function[]; the lists are typed to match it.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['src/clustering/jieba.ts'],
    rules: {
      // jieba and its dictionary are required on first use, so importing the module costs nothing.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/common/file-names.ts'],
    rules: {
      // cleanFileName strips control characters from uploaded file names: the regex names them on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: {
      // bench/, scripts/ and the jest configs are plain CommonJS run by node.
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('node:crypto')` says where it comes from; shadowing node's global is the point.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
);
