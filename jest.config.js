/** Type checking is done once by `npm run lint` (tsc --noEmit); jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.ts$": "ts-jest",
  },
  testTimeout: 20000,
};
