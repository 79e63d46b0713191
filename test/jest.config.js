const root = require('node:path').resolve(__dirname, '..');
// Two projects: unit tests of rules and algorithms, and the e2e suite through HTTP.
// The e2e suite runs on SQLite + the in-process queue by default; with DB_TYPE/DATABASE_URL and
// REDIS_URL set (as .ci/run does) the same suite runs on MariaDB/MySQL + BullMQ with a real worker.
const transform = {
  '^.+\\.(ts|js|mjs)$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

// NestJS 12 ships ES modules only. Node runs them through require(esm), but Jest's module system
// on Node 20 cannot, so Jest compiles them to CommonJS with the same SWC transform.
// The list of such packages is read from node_modules, so an upgrade that turns one ESM needs no edit here.
const transformIgnorePatterns = [`/node_modules/(?!(${esmPackages().map(escapeRegExp).join('|')})/)`];

function esmPackages() {
  const fs = require('node:fs');
  const path = require('node:path');
  const modules = path.join(root, 'node_modules');
  const names = fs.readdirSync(modules).flatMap((name) =>
    name.startsWith('@') ? fs.readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`) : [name],
  );
  return names.filter((name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')).type === 'module';
    } catch {
      return false;
    }
  });
}

function escapeRegExp(name) {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

module.exports = {
  rootDir: root,
  projects: [
    {
      displayName: 'unit',
      rootDir: root,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      rootDir: root,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      slowTestThreshold: 20,
      testTimeout: 30000,
    },
  ],
  testTimeout: 30000,
  maxWorkers: 2,
};
