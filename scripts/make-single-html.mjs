// Builds dist/parallax.html: shell.html with the single-file build's script inlined, so the
// page works opened from disk (file://) with no server and no side files.
//   node scripts/make-single-html.mjs shell.html build-wasm/parallax_single.js dist/parallax.html
import { readFileSync, writeFileSync } from 'node:fs';

const [shellPath, jsPath, outPath] = process.argv.slice(2);
const shell = readFileSync(shellPath, 'utf8');
// "</script" inside the inlined code would end the script element early.
const js = readFileSync(jsPath, 'utf8').replace(/<\/script/gi, '<\\/script');
const tag = '<script src="parallax.js"></script>';
if (!shell.includes(tag)) throw new Error(`${shellPath} has no ${tag} to replace`);
const html = shell.replace(tag, () => `<script>\n${js}\n</script>`);
writeFileSync(outPath, html);
console.log(`${outPath}: ${(Buffer.byteLength(html) / 1048576).toFixed(2)} MB`);
