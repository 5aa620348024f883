// The little of PouchDB the bench uses (it is the comparison peer, not a dependency of the app).
declare module 'pouchdb-core' {
  interface Database {
    bulkDocs(docs: object[]): Promise<unknown>;
    info(): Promise<{ doc_count: number }>;
  }
  interface PouchStatic {
    new (name: string, options?: { adapter?: string }): Database;
    plugin(plugin: unknown): PouchStatic;
    replicate(source: Database, target: Database, options?: { batch_size?: number }): Promise<unknown>;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
