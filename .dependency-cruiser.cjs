/**
 * The layers, held by the build. Runtimes are the top-level folders; only the
 * contract crosses from the core to a window.
 */
module.exports = {
  forbidden: [
    {
      name: 'windows-see-only-the-contract',
      comment: 'renderer/ and preload/ talk to the core through main/contract and nothing else of main/',
      severity: 'error',
      from: { path: '^(renderer|preload)/' },
      to: { path: '^main/', pathNot: '^main/contract/' },
    },
    {
      name: 'core-never-imports-electron',
      comment: 'main/ runs in plain Node (tests, vigil serve) as well as in a utilityProcess',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '(^|/)node_modules/electron/|^electron$' },
    },
    {
      name: 'core-stands-alone',
      comment: 'main/ never reaches into the hosts or the UI',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^(electron|preload|renderer)/' },
    },
    {
      name: 'contract-is-pure',
      comment: 'the contract is loaded into windows: zod and itself only, no Node built-ins',
      severity: 'error',
      from: { path: '^main/contract/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^main/contract/|(^|/)node_modules/zod/' },
    },
    {
      name: 'shell-holds-no-product-logic',
      comment: 'electron/ starts the core as a separate process; it imports no product code but the contract',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^(main|renderer)/', pathNot: '^main/contract/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    exclude: { path: '(^|/)out/' },
  },
};
