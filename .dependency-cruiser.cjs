/**
 * The layers of docs/architecture.md, checked on every `npm test` (`npm run lint:layers`): an import that goes
 * up a layer, a new import circle, or React reaching the Node keeper fails the run. Circles that were there
 * when the check came in are listed in .dependency-cruiser-known-violations.json, to be removed, never added.
 */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment:
        'src/engine is maths: no chain, feature, ui or shell code, and no React, viem or wallet library.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: {
        path: [
          '^src/(chain|features|ui|app)/',
          'node_modules/(react|react-dom|viem|wagmi|@rainbow-me|@tanstack)/',
        ],
      },
    },
    {
      name: 'chain-below-features',
      comment: 'src/chain serves the features and the shell; it never imports them or the ui kit.',
      severity: 'error',
      from: { path: '^src/chain/' },
      to: { path: '^src/(features|ui|app)/' },
    },
    {
      name: 'ui-is-presentational',
      comment: 'src/ui draws what it is given: no engine, chain, feature or shell code.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(engine|chain|features|app)/' },
    },
    {
      name: 'features-below-the-shell',
      comment: 'Features are composed by src/app; they never import it.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'keeper-without-react',
      comment: 'The Node keeper imports chain files: nothing it reaches may bring React or the wallet layer.',
      severity: 'error',
      from: { path: '^keeper/' },
      to: { path: 'node_modules/(react|react-dom|wagmi|@rainbow-me)/', reachable: true },
    },
    {
      name: 'no-circular',
      comment: 'An import circle ties modules so that neither can change or load alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|\\.devnet)/' },
  },
};
