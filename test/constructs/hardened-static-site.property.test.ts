import { Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { HardenedStaticSite, HardenedStaticSiteProps } from '../../constructs/hardened-static-site';
import { buildOrReject, propertyStack, Tally } from '../helpers/property-harness';
import { DNS_NAME, expectHardenedDistribution, SITE_PROPS, siteInputs, siteProps } from '../helpers/site-arbitraries';

describe('HardenedStaticSite over generated props', () => {
  test('every input either throws naming the prop, or is a hardened site that the pack passes', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(siteInputs, (input) => {
        const { app, stack } = propertyStack(input.region);
        let props: HardenedStaticSiteProps;
        try {
          props = siteProps(stack, input);
        } catch {
          return; // A given CLOUDFRONT web ACL outside us-east-1 fails on its own, before the site.
        }
        let site: HardenedStaticSite | undefined;
        // A bad preset is refused by the web ACL the site creates, whose error names its own path and the prop: clear enough.
        const speakers = [{ construct: 'HardenedStaticSite', path: 'Test/Site' }, { construct: 'ElectionWebAcl', path: 'Test/Site/WebAcl' }];
        const violations = buildOrReject(app, stack, { speakers, props: SITE_PROPS }, tally, () => {
          site = new HardenedStaticSite(stack, 'Site', props);
        });
        if (violations === undefined) return;
        expect(violations).toEqual([]);
        expectHardenedDistribution(stack, site!.distribution, site!.responseHeadersPolicy);
        // CloudFront takes only DNS names as aliases: anything else must fail at synth, not at deploy.
        for (const name of input.domains?.names ?? []) if (!Token.isUnresolved(name)) expect(name).toMatch(DNS_NAME);
      }),
      { numRuns: 60, seed: 20261124 },
    );
    tally.expectBothBranches(10);
    if (process.env.PROPERTY_VERBOSE) console.log(tally.built, tally.rejected, [...tally.messages].join('\n'));
  });
});
