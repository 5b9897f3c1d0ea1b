// pouchdb-browser ships no types; the sync code uses it through src/background/sync/pouch-types.ts.
declare module 'pouchdb-browser' {
  const PouchDB: new (name: string, options?: Record<string, unknown>) => unknown;
  export default PouchDB;
}
