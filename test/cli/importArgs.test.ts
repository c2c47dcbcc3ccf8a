// How `awscc-cognito import` reads its arguments and spreads pools over regions (no AWS involved).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ImportUsageError, looksLikeRegion, parseImportArgs, regionOfPoolId } from '../../server/src/cli/importArgs';
import { PlanError, planRegions } from '../../server/src/cli/importGather';
import { describeMissing } from '../../server/src/cli/import';

describe('import arguments', () => {
  test('defaults: id style, no resources, the current folder as module, every region and pool', () => {
    assert.deepEqual(parseImportArgs([], '/work/here'), {
      regions: [],
      poolIds: [],
      clientIds: [],
      style: 'id',
      withResource: false,
      moduleDir: '/work/here',
      allowInsecureEndpoint: false,
      help: false,
    });
  });

  test('repeatable flags collect values (comma lists for regions), duplicates once, --flag=value accepted', () => {
    const a = parseImportArgs(
      ['--region', 'eu-west-1,us-east-1', '--region=eu-west-1', '--user-pool-id', 'p1', '--user-pool-id=p2', '--client-id', 'c', '--client-id', 'c'],
      '/',
    );
    assert.deepEqual(a.regions, ['eu-west-1', 'us-east-1']);
    assert.deepEqual(a.poolIds, ['p1', 'p2']);
    assert.deepEqual(a.clientIds, ['c']);
  });

  test('every option is read', () => {
    const a = parseImportArgs(
      ['--profile', 'dev', '--endpoint', 'http://127.0.0.1:9229', '--style', 'for_each', '--with-resource', '--module', 'infra', '--concurrency', '8'],
      '/',
    );
    assert.equal(a.profile, 'dev');
    assert.equal(a.endpoint, 'http://127.0.0.1:9229');
    assert.equal(a.style, 'for_each');
    assert.equal(a.withResource, true);
    assert.equal(a.moduleDir, 'infra');
    assert.equal(a.concurrency, 8);
    assert.equal(parseImportArgs(['-h'], '/').help, true);
  });

  test('bad input is a usage error with a reason', () => {
    for (const [args, reason] of [
      [['--style'], /--style needs a value/],
      [['--concurrency', '33'], /1 to 32/],
      [['--endpoint', 'not a url'], /--endpoint must be a URL/],
      [['--module', 'a', '--module', 'b'], /only once/],
      [['--region', ' '], /--region needs a value/],
    ] as const) {
      assert.throws(() => parseImportArgs(args, '/'), (e: unknown) => e instanceof ImportUsageError && reason.test(e.message), args.join(' '));
    }
  });

  test('region shapes: real region names pass, words and typos do not', () => {
    for (const r of ['us-east-1', 'eu-central-2', 'us-gov-west-1', 'ap-southeast-5', 'il-central-1']) assert.ok(looksLikeRegion(r), r);
    for (const r of ['Ireland', 'us-east', 'useast1', 'US-EAST-1', '']) assert.ok(!looksLikeRegion(r), r);
    assert.equal(regionOfPoolId('eu-west-1_AbC123'), 'eu-west-1');
    assert.equal(regionOfPoolId('local_0rJkV3Zc'), undefined);
    assert.equal(regionOfPoolId('_x'), undefined);
  });
});

describe('spreading pools over regions', () => {
  test('no pools named: every region once (or the default region)', () => {
    assert.deepEqual(planRegions({ regions: [], poolIds: [] }), [{ region: undefined }]);
    assert.deepEqual(planRegions({ regions: ['eu-west-1', 'us-east-1'], poolIds: [] }), [{ region: 'eu-west-1' }, { region: 'us-east-1' }]);
  });

  test('a pool id names its region; ids without one go to the first region', () => {
    assert.deepEqual(planRegions({ regions: [], poolIds: ['eu-west-1_a', 'us-east-1_b', 'eu-west-1_c', 'local_x'] }), [
      { region: 'eu-west-1', poolIds: ['eu-west-1_a', 'eu-west-1_c'] },
      { region: 'us-east-1', poolIds: ['us-east-1_b'] },
      { region: undefined, poolIds: ['local_x'] },
    ]);
    assert.deepEqual(planRegions({ regions: ['us-east-1', 'eu-west-1'], poolIds: ['local_x', 'eu-west-1_a'] }), [
      { region: 'us-east-1', poolIds: ['local_x'] },
      { region: 'eu-west-1', poolIds: ['eu-west-1_a'] },
    ]);
  });

  test('a pool in a region that was not asked for is a contradiction', () => {
    assert.throws(() => planRegions({ regions: ['eu-west-1'], poolIds: ['us-east-1_b'] }), PlanError);
  });
});

test('the missing-items report lists each item and each distinct next step once', () => {
  const denied = { kind: 'access-denied' as const, message: 'Access denied: no DescribeUserPoolClient.', nextStep: 'Allow the IAM action.' };
  const text = describeMissing([
    { what: 'app client a', error: denied },
    { what: 'app client b', error: denied },
  ]);
  assert.equal(
    text,
    'awscc-cognito: incomplete: 2 items could not be read, so their blocks are missing from the output:\n' +
      '  - app client a: Access denied: no DescribeUserPoolClient.\n' +
      '  - app client b: Access denied: no DescribeUserPoolClient.\n' +
      'Next step: Allow the IAM action.\n',
  );
  const two = describeMissing([
    { what: 'x', error: denied },
    { what: 'y', error: { kind: 'throttled', message: 'Throttled.', nextStep: 'Wait.' } },
  ]);
  assert.match(two, /Next steps:\n  - Allow the IAM action\.\n  - Wait\.\n$/);
  assert.match(describeMissing([{ what: 'the user pools in eu-west-1', error: denied }], false), /^awscc-cognito: nothing to write: 1 item could not be read:\n/);
});

test('any argument list either parses or is a usage error; it never throws anything else', () => {
  const token = fc.oneof(
    fc.constantFrom('--region', '--profile', '--endpoint', '--user-pool-id', '--client-id', '--style', '--module', '--concurrency', '--with-resource', '-h'),
    fc.string(),
    fc.constantFrom('eu-west-1', 'id', 'for_each', '3', 'http://127.0.0.1:1', '=', '--style=identity', '--concurrency=', '🙂'),
  );
  fc.assert(
    fc.property(fc.array(token, { maxLength: 12 }), (args) => {
      try {
        const parsed = parseImportArgs(args, '/cwd');
        assert.ok(['id', 'identity', 'for_each'].includes(parsed.style));
        assert.ok(parsed.regions.every(looksLikeRegion));
      } catch (e) {
        assert.ok(e instanceof ImportUsageError, String(e));
      }
    }),
    { numRuns: 500 },
  );
});
