import { isAbsolute, join } from "node:path";
import sharp from "sharp";
import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import type { FolderAccess } from "./access";

type Thumbnail = ResponseOf<"data.thumbnails">["thumbnails"][number];

/**
 * PNG previews for the Data tab's class grid, decoded with the same sharp as training. Every path
 * is checked against the opened folders before any file is read; a file that does not decode gets
 * its reason rather than failing the whole grid. The image is shown as it looks in a browser:
 * EXIF orientation applied, transparency on white, small images not enlarged.
 */
export async function thumbnails(
  folders: FolderAccess,
  req: ParsedRequestOf<"data.thumbnails">,
): Promise<ResponseOf<"data.thumbnails">> {
  const root = await folders.check(req.folder, "read");
  const paths: string[] = [];
  for (const file of req.files) {
    if (isAbsolute(file) || file.split(/[\\/]/).includes("..")) {
      throw new ApiError(
        "E_BAD_REQUEST",
        `expected a file name relative to ${req.folder} without ".."; received "${file}"`,
      );
    }
    paths.push(await folders.check(join(root, file), "read"));
  }
  return { thumbnails: await Promise.all(paths.map((path, i) => thumbnail(path, req.files[i], req.size))) };
}

async function thumbnail(path: string, file: string, size: number): Promise<Thumbnail> {
  try {
    const { data, info } = await sharp(path, { animated: false })
      .rotate()
      .flatten({ background: "#ffffff" })
      .resize(size, size, { fit: "inside", withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { file, url: `data:image/png;base64,${data.toString("base64")}`, width: info.width, height: info.height };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file,
      url: null,
      width: 0,
      height: 0,
      error: `expected a readable PNG, JPEG, WebP or GIF image; ${reason}`,
    };
  }
}
