/**
 * The team database's design document: a validate_doc_update function (plain ES5, run by the
 * server for every write, replication included) that accepts only Factmark annotation
 * documents whose `author` is the signed-in user, so every revision records who made it.
 * `npx factmark team-setup` installs it; running it again updates it.
 */

/** The design document's id. */
export const DESIGN_DOC_ID = '_design/factmark';

/** The version of the validation rules, so team-setup can tell an outdated copy. */
export const DESIGN_VERSION = 1;

/** The validate_doc_update source. It must stay self-contained ES5: the server runs it as text. */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  function refuse(reason) { throw({ forbidden: reason }); }
  function isString(value) { return typeof value === 'string'; }
  if (!userCtx || !userCtx.name) refuse('Sign in to change Factmark annotations.');
  if (newDoc.type !== 'factmark-annotation') refuse('Only Factmark annotations can be stored in this database.');
  if (newDoc.author !== userCtx.name) refuse('Each change must record its author: author must be ' + userCtx.name + '.');
  if (!isString(newDoc.editedAt) || isNaN(Date.parse(newDoc.editedAt))) refuse('editedAt must be a date.');
  var match = /^a:([^:]+):([^:]+)$/.exec(newDoc._id);
  if (!match) refuse('Factmark document ids look like a:<page>:<annotation>.');
  var page = newDoc.page;
  if (!page || !isString(page.key) || !isString(page.url) || encodeURIComponent(page.key) !== match[1]) refuse('page.key must match the document id.');
  if (newDoc._deleted) {
    if (newDoc.reason !== 'deleted' && newDoc.reason !== 'resolved') refuse('A deletion must say why: deleted or resolved.');
    if (encodeURIComponent(newDoc.annotationId) !== match[2]) refuse('annotationId must match the document id.');
    return;
  }
  var a = newDoc.annotation;
  if (!a || !isString(a.id) || encodeURIComponent(a.id) !== match[2]) refuse('annotation.id must match the document id.');
  if (!a.selector || !a.selector.quote || !isString(a.selector.quote.exact) || a.selector.quote.exact === '') refuse('annotation.selector.quote.exact is required.');
  if (a.verdict !== null && !isString(a.verdict)) refuse('annotation.verdict must be a verdict id or null.');
  if (!isString(a.note) || Object.prototype.toString.call(a.sources) !== '[object Array]') refuse('annotation.note and annotation.sources are required.');
}`;

/** The whole design document (without _rev). */
export function designDocument(): { _id: string; factmarkVersion: number; validate_doc_update: string } {
  return { _id: DESIGN_DOC_ID, factmarkVersion: DESIGN_VERSION, validate_doc_update: VALIDATE_DOC_UPDATE };
}
