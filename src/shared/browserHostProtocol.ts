/**
 * How the page proves to the browser host that it is the page the host served in this launch:
 * the host writes its per-launch key into a meta tag, and the page sends it back on every call.
 */
export const HOST_KEY_META = 'whoop-desktop-host-key'
export const HOST_KEY_HEADER = 'x-whoop-desktop-key'
/** An upload's file name, URI-encoded, so an import's messages can name the file the person chose. */
export const UPLOAD_NAME_HEADER = 'x-whoop-desktop-file-name'
