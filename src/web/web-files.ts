import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Where the pages and the libraries they load live. Everything a page needs is served from this
// service's own files and npm dependencies: no page ever loads anything from another host.

/** The folder holding package.json: the server runs from dist/src/web once built, from src/web in tests. */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const root = packageRoot();

/** HTML and CSS of the pages, as committed. */
export const PAGES_DIR = join(root, 'web');
/** The pages' scripts, compiled from web/src by `npm run build`. */
export const SCRIPTS_DIR = join(root, 'dist', 'web');
/** The example operations: the workbench offers them, the dashboard sends them. */
export const QUERIES_DIR = join(root, 'docs', 'queries');

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Browser builds shipped inside npm packages, served under /web/vendor/. */
export const VENDOR_FILES: Record<string, string> = {
  'react.js': join(packageDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.js': join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.js': join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  'chart.js': join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
};
