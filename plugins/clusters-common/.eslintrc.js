module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // The detector tests assert through expectProblem (src/problems/__testUtils__).
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expectProblem'] },
    ],
  },
  overrides: [
    {
      // itDetects declares the tests of the detector test files that import it.
      files: ['src/problems/__testUtils__/detectorTests.ts'],
      rules: { 'jest/no-export': 'off' },
    },
  ],
});
