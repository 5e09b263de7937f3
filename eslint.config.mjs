// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The import graph runs one way: constructs and rules both read lib/baseline, never each other (issue 15).
const RULE_SERVICES = readdirSync(fileURLToPath(import.meta.resolve('./lib/rules/')), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const CONSTRUCTS_BOUNDARY = {
  regex: '^(\\.\\./)+lib/(rules|pack|audit)(/|$)',
  message: 'Constructs read shared thresholds and predicates from lib/baseline, never rule files, pack internals or the auditor.',
};
const BASELINE_BOUNDARY = [
  {
    regex: '^\\.\\./',
    message: 'lib/baseline is plain data and predicates: it imports only its own files, never constructs, lib/rules, lib/pack or lib/audit.',
  },
  { regex: '^(aws-cdk-lib|constructs|cdk-nag)(/|$)', message: 'lib/baseline holds no CDK construct classes: keep it plain data that any reader can import.' },
];
const RENDER_BOUNDARY = {
  regex: '^\\.\\./(rules|pack|audit)(/|$)|^\\.\\./\\.\\./constructs(/|$)',
  message: 'lib/render is the one CDK-side renderer that constructs and lib/pack share: it reads lib/baseline and aws-cdk-lib, never constructs, rule files, the pack or the auditor.',
};
const PACK_BOUNDARY = {
  regex: '^\\.\\./(rules|audit)(/|$)|^\\.\\./\\.\\./constructs(/|$)',
  message: 'lib/pack serves the rules: it reads lib/baseline, never rule files, the auditor or constructs.',
};
const RULES_OUTWARD_BOUNDARY = {
  regex: '^\\.\\./\\.\\./audit(/|$)|^\\.\\./\\.\\./\\.\\./constructs(/|$)',
  message: 'A rule judges only the template: it reads lib/baseline and lib/pack, never the auditor or constructs.',
};

/** One block per service: a rule reads another service's facts from lib/baseline or lib/pack, not from its rule file. */
const ruleServiceBoundaries = RULE_SERVICES.map((service) => ({
  files: [`lib/rules/${service}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [RULES_OUTWARD_BOUNDARY, {
        // ../<other>/X, ../../rules/<other>/X or .../lib/rules/<other>/X, and the rules index itself.
        regex: `^\\.\\./(?!${service}/)[^./]|^\\.\\./\\.\\./rules(/(?!${service}/)|$)|/lib/rules(/(?!${service}/)|$)`,
        message: `The ${service} rules import no other service's rule file: move what both need into lib/baseline (or a lib/pack reader).`,
      }],
    }],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'cdk.out/**', 'node_modules/**', 'coverage/**', 'bench/out/**', '**/*.js', '**/*.d.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-new': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['constructs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CONSTRUCTS_BOUNDARY] }] },
  },
  {
    files: ['lib/baseline/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: BASELINE_BOUNDARY }] },
  },
  {
    files: ['lib/pack/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PACK_BOUNDARY] }] },
  },
  {
    files: ['lib/render/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [RENDER_BOUNDARY] }] },
  },
  ...ruleServiceBoundaries,
  {
    // Bad input is refused with an ElectionValidationError a program can branch on, naming the construct from its own node.
    files: ['constructs/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "NewExpression[callee.name=/^(Error|TypeError|RangeError)$/]",
        message: "Throw validationError(this, ValidationErrorCode.X, 'prop', given, allowed) from constructs/defaults/validate.ts instead.",
      }],
    },
  },
);
