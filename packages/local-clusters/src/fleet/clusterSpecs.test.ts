import { BASE_PORT, clusterSpecs } from './clusterSpecs';

describe('clusterSpecs', () => {
  it('starts with dev-eu and prod-us on fixed ports', () => {
    expect(clusterSpecs(2)).toEqual([
      expect.objectContaining({
        name: 'dev-eu',
        region: 'eu-west-1',
        environment: 'development',
        defaultPort: BASE_PORT,
      }),
      expect.objectContaining({
        name: 'prod-us',
        region: 'us-east-1',
        environment: 'production',
        defaultPort: BASE_PORT + 1,
      }),
    ]);
  });

  it('names every cluster uniquely, however many are asked for', () => {
    const names = clusterSpecs(8).map(s => s.name);
    expect(new Set(names).size).toBe(8);
  });

  it.each([0, -1, 1.5, NaN])('rejects %p clusters', count => {
    expect(() => clusterSpecs(count)).toThrow(
      '--clusters must be a whole number',
    );
  });
});
