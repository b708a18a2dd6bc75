import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The pure layers (docs/architecture.md §3.2) may not import React, zustand, echarts-for-react or the store.
const pureLayer = {
  files: ['src/domain/**', 'src/data/**', 'src/model/**', 'src/charts/**', 'src/theme/**', 'src/i18n/**'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'echarts-for-react', 'echarts-for-react/*'], message: 'Pure layers import no React or zustand (docs/architecture.md §3.2).' },
        { group: ['**/store/*', '**/features/*', '**/app/*'], message: 'Pure layers never reach up into store/features/app.' },
      ],
      paths: [{ name: 'echarts', message: 'Import ECharts through echarts/core (tree-shaking); types from "echarts" via import type only.', allowTypeImports: true }],
    }],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Data is text, never markup (docs/architecture.md §7.1).' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Data is text, never markup (docs/architecture.md §7.1).' },
      ],
    },
  },
  { files: ['src/features/**', 'src/app/**'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'echarts', message: 'Use charts/echarts-setup.', allowTypeImports: true }] }] } },
  pureLayer,
);
