/** Type checking is done once by `npm run lint` (tsc --noEmit); jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    // CommonJS for jest: its module registry (and aws-sdk-client-mock) then sees the same module
    // behind a step's `await import()` as behind a test's import; webpack keeps the import().
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node10" } }],
  },
  testTimeout: 20000,
  // The steps' execution-log lines go to the console: tests that care assert on them (logger
  // mocks, spies); the rest must not bury a failure under a thousand lines.
  silent: true,
};
