module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // The detector tests assert through expectProblem and expectDetected (src/problems/__testUtils__).
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expectProblem', 'expectDetected'] },
    ],
  },
});
