/**
 * The layers of docs/architecture.md, checked on every `npm test` (`npm run lint:layers`): an import that goes
 * up a layer, any import circle, a feature reaching past another feature's links.ts, or React reaching the
 * Node keeper fails the run. .dependency-cruiser-known-violations.json is the list of known exceptions, and it
 * is empty: it stays so.
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
      name: 'features-meet-through-links',
      comment:
        "A feature reaches another only through that feature's links.ts (paths, link parameters, link " +
        'builders, nav entry), never its pages or inner files. One exception: the pool page shows the ' +
        "portfolio's Add to wallet button, which reads the wallet and so cannot live in src/ui.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: {
        path: '^src/features/',
        pathNot: [
          '^src/features/$1/',
          '^src/features/[^/]+/links\\.ts$',
          '^src/features/portfolio/AddToWallet\\.tsx$',
        ],
      },
    },
    {
      name: 'pages-for-the-shell',
      comment:
        "A feature's lazily loaded pages (pages.ts, and the alerts' lazyAlerts.ts) are mounted by src/app " +
        'alone: a page or a feature importing them would close an import circle through the page.',
      severity: 'error',
      from: { pathNot: '^src/app/' },
      to: { path: '^src/features/[^/]+/(pages|lazyAlerts)\\.ts$' },
    },
    {
      name: 'chain-react-in-its-folders',
      comment:
        'In src/chain, React and the wallet libraries are used in react/ (hooks, contexts, queries) and ' +
        'wallet/ only: config/, pools/, history/, tx/, launch/ and errors/ are plain modules that any caller, ' +
        'the Node keeper included, can use.',
      severity: 'error',
      from: { path: '^src/chain/', pathNot: '^src/chain/(react|wallet)/' },
      to: {
        path: [
          'node_modules/(react|react-dom|wagmi|@wagmi|@rainbow-me|@tanstack)/',
          '^src/chain/(react|wallet)/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'keeper-without-react',
      comment: 'The Node keeper imports chain files: nothing it reaches may bring React or the wallet layer.',
      severity: 'error',
      from: { path: '^keeper/' },
      to: {
        path: [
          'node_modules/(react|react-dom|wagmi|@wagmi|@rainbow-me|@tanstack)/',
          '^src/chain/(react|wallet)/',
        ],
        reachable: true,
      },
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
