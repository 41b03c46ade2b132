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
    // Pages that need big libraries (the dashboard's charts) load as chunks when opened.
    splitting: true,
    chunkNames: 'assets/chunk-[hash]',
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

const outputs = Object.entries(result.metafile.outputs);
const entry = outputs.find(([file, output]) => output.entryPoint && file.endsWith('.js'));
const script = entry && basename(entry[0]);
const style = entry && entry[1].cssBundle && basename(entry[1].cssBundle);
// Chunks the entry imports statically are fetched at once rather than after it parses.
const preloads = entry ? entry[1].imports.filter((i) => i.kind === 'import-statement').map((i) => basename(i.path)) : [];
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
${preloads.map((chunk) => `<link rel="modulepreload" href="/assets/${chunk}">\n`).join('')}<script type="module" src="/assets/${script}"></script>
</head>
<body>
<div id="app"></div>
</body>
</html>
`);
