import { Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { WebAclPreset } from '../../constructs/election-web-acl';
import { HardenedStaticSiteProps } from '../../constructs/hardened-static-site';
import { ResultsReportingSite } from '../../constructs/results-reporting-site';
import { buildOrReject, propertyStack, Tally } from '../helpers/property-harness';
import { DNS_NAME, expectHardenedDistribution, SITE_PROPS, siteInputs, siteProps } from '../helpers/site-arbitraries';

const inputs = fc.record({ site: siteInputs, shieldAdvanced: fc.option(fc.boolean(), { nil: undefined }) });

describe('ResultsReportingSite over generated props', () => {
  test('every input either throws naming the prop, or is a results site behind the results preset that the pack passes', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(inputs, ({ site: input, shieldAdvanced }) => {
        const { app, stack } = propertyStack(input.region);
        let props: HardenedStaticSiteProps;
        try {
          props = siteProps(stack, input);
        } catch {
          return; // A given CLOUDFRONT web ACL outside us-east-1 fails on its own, before the site.
        }
        let results: ResultsReportingSite | undefined;
        // A bad preset is refused by the web ACL the site creates, whose error names its own path and the prop: clear enough.
        const speakers = [
          { construct: 'ResultsReportingSite', path: 'Test/Results' },
          { construct: 'HardenedStaticSite', path: 'Test/Results/Site' },
          { construct: 'ElectionWebAcl', path: 'Test/Results/Site/WebAcl' },
        ];
        const violations = buildOrReject(app, stack, { speakers, props: [...SITE_PROPS, 'shieldAdvanced'] }, tally, () => {
          results = new ResultsReportingSite(stack, 'Results', { ...props, shieldAdvanced });
        });
        if (violations === undefined) return;
        expect(violations).toEqual([]);
        expectHardenedDistribution(stack, results!.distribution, results!.site.responseHeadersPolicy);
        for (const name of input.domains?.names ?? []) if (!Token.isUnresolved(name)) expect(name).toMatch(DNS_NAME);
        // Never silently weaker: a web ACL it creates runs the results preset unless a preset was named.
        if (!props.webAcl) expect(results!.webAcl.preset).toBe(props.preset ?? WebAclPreset.RESULTS);
        expect(results!.shieldProtection !== undefined).toBe(shieldAdvanced === true);
      }),
      { numRuns: 50, seed: 20261125 },
    );
    tally.expectBothBranches(10);
  });
});
