#!/usr/bin/env node
// A CouchDB-protocol team server for a quick trial and for the tests: pouchdb-server (from
// npm), started with the same arguments, e.g.
//
//   node scripts/team-server.cjs --in-memory -p 5984        (npm run team-server -- --in-memory)
//
// with one fix applied as it loads: pouchdb-validation 4.2.0 (used by pouchdb-server for
// validate_doc_update) overwrites the `_revisions` of every incoming document with the stored
// document's, so as soon as a database has a validate_doc_update, replicated updates (written
// with new_edits=false) are silently dropped. The fix keeps `_revisions` when the document
// brings its own, as CouchDB does. For a team in earnest, run Apache CouchDB 3 (see README).
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { dirname } = require('node:path');

const BUGGY = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIXED = 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;';

const expressPouch = require.resolve('express-pouchdb', { paths: [dirname(require.resolve('pouchdb-server/package.json'))] });
const validationPath = require.resolve('pouchdb-validation', { paths: [dirname(expressPouch)] });
const source = readFileSync(validationPath, 'utf8');
if (!source.includes(BUGGY)) {
  console.error('team-server: pouchdb-validation changed; check whether its _revisions fix is still needed.');
} else {
  const patched = new Module(validationPath, module);
  patched.filename = validationPath;
  patched.paths = Module._nodeModulePaths(dirname(validationPath));
  patched._compile(source.replace(BUGGY, FIXED), validationPath);
  patched.loaded = true;
  require.cache[validationPath] = patched;
}

require('pouchdb-server/lib/index.js');
