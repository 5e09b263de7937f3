import { appWithThreePacks, openFindingsAtSynth } from '../helpers/three-packs';
import { buildStatewideApp } from '../helpers/statewide-app';

test('a statewide app (management, log archive, security tooling, 3 counties) synthesizes clean under the three packs', () => {
  const app = appWithThreePacks();
  buildStatewideApp(app);
  expect(openFindingsAtSynth(app)).toEqual([]);
});
