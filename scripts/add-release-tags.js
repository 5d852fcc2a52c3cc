// Adds @public (main entry) / @alpha (alpha entry) TSDoc release tags to every exported
// declaration of each published package under plugins/ that has none. From the repo root:
//   source scripts/lib/env.sh && kp_ensure_node && node scripts/add-release-tags.js && yarn api-reports
const ts = require(require.resolve('typescript', { paths: [process.cwd()] }));
const fs = require('fs');
const path = require('path');

const root = process.cwd();
const cfgPath = path.join(root, 'tsconfig.json');
const cfg = ts.parseJsonConfigFileContent(
  ts.readConfigFile(cfgPath, ts.sys.readFile).config,
  ts.sys,
  root,
);
const packages = fs
  .readdirSync(path.join(root, 'plugins'))
  .map(d => path.join(root, 'plugins', d))
  .filter(d => fs.existsSync(path.join(d, 'package.json')))
  .filter(
    d => !JSON.parse(fs.readFileSync(path.join(d, 'package.json'))).private,
  );

const entriesOf = dir =>
  ['index', 'alpha']
    .flatMap(n => [`src/${n}.ts`, `src/${n}.tsx`])
    .map(f => path.join(dir, f))
    .filter(f => fs.existsSync(f))
    .map(f => ({
      file: f,
      tag: /alpha\.tsx?$/.test(f) ? '@alpha' : '@public',
    }));

const allEntries = packages.flatMap(d =>
  entriesOf(d).map(e => ({ ...e, dir: d })),
);
const program = ts.createProgram(
  allEntries.map(e => e.file),
  cfg.options,
);
const checker = program.getTypeChecker();
const edits = new Map(); // file -> [{pos, text}]
const seen = new Set();
const addEdit = (file, pos, text) => {
  if (!edits.has(file)) edits.set(file, []);
  edits.get(file).push({ pos, text });
};

function statementOf(decl) {
  if (ts.isVariableDeclaration(decl)) return decl.parent.parent;
  if (
    ts.isFunctionDeclaration(decl) ||
    ts.isClassDeclaration(decl) ||
    ts.isInterfaceDeclaration(decl) ||
    ts.isTypeAliasDeclaration(decl) ||
    ts.isEnumDeclaration(decl) ||
    ts.isModuleDeclaration(decl)
  )
    return decl;
  return undefined;
}

// Main entries first, so a declaration exported by both gets @public.
allEntries.sort((a, b) => (a.tag === b.tag ? 0 : a.tag === '@public' ? -1 : 1));
for (const entry of allEntries) {
  const sf = program.getSourceFile(entry.file);
  const modSym = checker.getSymbolAtLocation(sf);
  if (!modSym) continue;
  for (let sym of checker.getExportsOfModule(modSym)) {
    if (sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    for (const decl of sym.declarations ?? []) {
      const file = decl.getSourceFile().fileName;
      if (!file.startsWith(path.join(entry.dir, 'src') + path.sep)) continue;
      const stmt = statementOf(decl);
      if (!stmt) continue;
      const key = `${file}:${stmt.pos}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const text = sf.text === undefined ? '' : decl.getSourceFile().text;
      const ranges =
        ts.getLeadingCommentRanges(text, stmt.getFullStart()) ?? [];
      const docs = ranges.filter(
        r =>
          text.slice(r.pos, r.pos + 3) === '/**' &&
          !text.slice(r.pos, r.end).includes('@packageDocumentation'),
      );
      const doc = docs[docs.length - 1];
      const start = stmt.getStart(decl.getSourceFile());
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const indent = text.slice(lineStart, start).match(/^\s*/)[0];
      if (doc) {
        const body = text.slice(doc.pos, doc.end);
        if (/@(public|alpha|beta|internal)\b/.test(body)) continue;
        if (!body.includes('\n')) {
          const inner = body.slice(3, -2).trim();
          addEdit(file, doc.pos, {
            end: doc.end,
            text: `/**\n${indent} * ${inner}\n${indent} *\n${indent} * ${entry.tag}\n${indent} */`,
          });
        } else {
          const close = body.lastIndexOf('*/');
          const before = body.slice(0, close).replace(/\s*$/, '');
          addEdit(file, doc.pos, {
            end: doc.end,
            text: `${before}\n${indent} *\n${indent} * ${entry.tag}\n${indent} */`,
          });
        }
      } else {
        addEdit(file, start, {
          end: start,
          text: `/** ${entry.tag} */\n${indent}`,
        });
      }
    }
  }
}

let count = 0;
for (const [file, list] of edits) {
  let text = fs.readFileSync(file, 'utf8');
  list.sort((a, b) => b.pos - a.pos);
  for (const { pos, text: e } of list) {
    text = text.slice(0, pos) + e.text + text.slice(e.end);
    count++;
  }
  fs.writeFileSync(file, text);
}
console.log(`tagged ${count} declarations in ${edits.size} files`);
