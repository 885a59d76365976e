import { z } from "zod";
import { PathSchema } from "./common";

export const AppInfoSchema = z.object({
  version: z.string(),
  /** Which shell hosts the UI; the renderer code is the same in both. */
  mode: z.enum(["electron", "browser"]),
  platform: z.string(),
  /** The trainer's backend once it has started (null before, or when it failed to start). */
  backend: z.string().nullable(),
  /** What this shell can do (native dialogs exist only in Electron). */
  capabilities: z.object({ nativeDialogs: z.boolean(), reveal: z.boolean() }),
  /** Where the folder browser starts; every path must lie under one of these. */
  browseRoots: z.array(PathSchema),
  /** Folders the user opened in this session (plus bundled resources, read-only). */
  openedFolders: z.array(PathSchema),
});

/** Native dialogs (Electron only; browser mode answers E_UNSUPPORTED and the UI uses fs.list). */
export const DialogPurposeSchema = z.enum(["project", "data-file", "data-folder", "export"]);

export const DialogOpenRequestSchema = z
  .object({ purpose: DialogPurposeSchema, title: z.string().max(200).optional() })
  .strict();

export const DialogSaveRequestSchema = z
  .object({
    purpose: DialogPurposeSchema,
    defaultName: z.string().max(255).optional(),
    title: z.string().max(200).optional(),
  })
  .strict();

/** null when the user cancelled. The chosen path's folder becomes an opened folder. */
export const DialogResultSchema = z.object({ path: PathSchema.nullable() });

/** The renderer's answer to an `app.closeRequested` event (dirty-state prompt on close). */
export const CloseResponseSchema = z.object({ proceed: z.boolean() }).strict();
