// Builds the browser app into OUTDIR (default dist/): hashed JavaScript and CSS bundles under
// assets/ and an index.html that names them. CMake runs this and embeds OUTDIR in the binary
// (cmake/embed_web.cmake), so the files below are everything the server hands to a browser.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const outdir = resolve(process.argv[2] ?? 'dist');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(join(outdir, 'assets'), { recursive: true });

const result = await build({
    entryPoints: [new URL('./src/main.jsx', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: 'assets/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    outdir,
    metafile: true,
    legalComments: 'eof',
    logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((file) => basename(file));
const script = outputs.find((name) => name.endsWith('.js'));
const style = outputs.find((name) => name.endsWith('.css'));
if (!script || !style) {
    throw new Error('esbuild produced no JavaScript or CSS bundle');
}

// index.html is served for every app route and never cached, so a new build is picked up at
// once while the hashed bundles it names are cached for a year.
writeFileSync(join(outdir, 'index.html'), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PipeCRM</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${style}">
<script type="module" src="/assets/${script}"></script>
</head>
<body>
<div id="app"></div>
</body>
</html>
`);
