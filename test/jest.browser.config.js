// The browser tests: the public pages in headless Chromium (Debian's `chromium`, driven by
// playwright-core). Kept out of `npm test`, which must pass on a machine without a browser;
// run them with `npm run test:browser` (.ci/run does, after `npm test`).
// Same SWC transform as test/jest.config.js, ESM packages in node_modules included.
const base = require('./jest.config.js');
const e2e = base.projects.find((project) => project.displayName === 'e2e');

module.exports = {
  rootDir: base.rootDir,
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  transform: e2e.transform,
  transformIgnorePatterns: e2e.transformIgnorePatterns,
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  slowTestThreshold: 20,
  testTimeout: 60000,
  maxWorkers: 2,
};
