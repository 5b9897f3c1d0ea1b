/**
 * Content script run at document_start, before the page has any element: keeps the real
 * extension API objects where the main content script finds them (see native-api.ts).
 */
import { captureNativeGlobals } from './native-api';

captureNativeGlobals();
