import { handleBackgroundRequests } from '../platform/browser';
import { registerCommands } from './commands';
import { downloadExport } from './exports';
import { commitImport, previewImport } from './imports';
import { clearReviews, collectReviews, countReviews, matchKnown } from './known';
import { listLibrary, searchIndex } from './library';
import { migrateEarly } from './ready';
import { registerTeamSync, teamConflict, teamConflictedPages, teamConflicts, teamForgetPassword, teamInfo, teamJoin, teamLeave, teamResolve, teamSync } from './sync';
import { deleteAnnotation, deletePage, getPage, getSettings, restorePage, saveAnnotation, updateSettings } from './store';

// Registered at the top level so a worker woken by a message finds its listener.
handleBackgroundRequests({
  'page.get': ({ key }) => getPage(key),
  'annotation.save': ({ page, id, origin, selector, edit }) => saveAnnotation({ page, id, origin, selector, edit, now: new Date().toISOString() }),
  'annotation.delete': ({ key, id }) => deleteAnnotation(key, id, new Date().toISOString()),
  'settings.get': () => getSettings(),
  'settings.update': ({ patch }) => updateSettings(patch),
  'library.list': () => listLibrary(),
  'export.download': ({ format, key }) => downloadExport(format, key),
  'import.preview': ({ text }) => previewImport(text),
  'import.commit': ({ text }) => commitImport(text),
  'library.search-index': ({ keys, checkSummaries }) => searchIndex(keys, checkSummaries),
  'page.delete': ({ key }) => deletePage(key),
  'page.restore': ({ record }) => restorePage(record),
  'known.collect': ({ reviews }) => collectReviews(reviews),
  'known.match': ({ pageKey, queries }) => matchKnown(pageKey, queries),
  'known.count': () => countReviews(),
  'known.clear': () => clearReviews(),
  'team.get': () => teamInfo(),
  'team.join': (input) => teamJoin(input),
  'team.sync': () => teamSync(),
  'team.leave': () => teamLeave(),
  'team.forget-password': () => teamForgetPassword(),
  'team.conflicts': ({ key }) => teamConflicts(key),
  'team.conflicted-pages': () => teamConflictedPages(),
  'team.conflict': ({ key, id }) => teamConflict(key, id),
  'team.resolve': ({ key, id, resolution }) => teamResolve(key, id, resolution),
});

registerCommands();
registerTeamSync();

// After an update the worker starts at once: migrate then, not when the reader next waits for it.
void migrateEarly().catch((error: unknown) => console.warn(`Factmark: migrating storage failed; it is tried again on the next request. ${error instanceof Error ? error.message : String(error)}`));
