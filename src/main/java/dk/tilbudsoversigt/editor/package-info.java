/**
 * The browser editor's file library, below its HTTP part: {@link dk.tilbudsoversigt.editor.PageText}
 * (a page's text kept exactly, fields changed line by line), {@link dk.tilbudsoversigt.editor.SiteFiles}
 * (the only way the editor touches disk: paths, atomic saves with conflicts, trash, uploads),
 * {@link dk.tilbudsoversigt.editor.Rename}, {@link dk.tilbudsoversigt.editor.NewPage} and
 * {@link dk.tilbudsoversigt.editor.Duplicate}. It uses content, markdown and site; nothing there uses it.
 */
package dk.tilbudsoversigt.editor;
